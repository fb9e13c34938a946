import { ts, type ImportDeclarationStructure, type OptionalKind } from 'ts-morph';
import { extractCodeBlocks, extractJson, type CodeBlock } from '../../llm/structured';
import type { AssertionStyle, TestRunnerName } from '../../project';
import { caseCode, identifiersUsed } from './caseCode';
import { foreignImportReason, foreignModule, runnerMismatch } from './runnerMismatch';
import { TestPlanAnswerSchema, type TestPlanAnswer } from './testPlanAnswer';

/** One case ready to place: its body holds the statements inside the test callback. */
export interface PlannedCase {
  readonly id: string;
  readonly title: string;
  readonly checks: string;
  readonly body: string;
}

/** What the answer proposes, after the cases that cannot be used were dropped. */
export interface ParsedTestPlan {
  readonly cases: readonly PlannedCase[];
  /** Extra imports the cases need (from the `ts imports` block and any a case carried). */
  readonly imports: readonly OptionalKind<ImportDeclarationStructure>[];
  /** Cases dropped, with the reason (also listed in `problems`). */
  readonly dropped: readonly { readonly id: string; readonly title: string; readonly reason: string }[];
  readonly problems: readonly string[];
}

/** A structured answer as `askStructured` returns it (only what parsing needs). */
export interface TestPlanStructuredAnswer {
  readonly value: TestPlanAnswer;
  readonly codeBlocks: readonly CodeBlock[];
}

/** The runner the tests are for. */
export interface PlanRunner {
  readonly name: TestRunnerName;
  readonly assertion?: AssertionStyle;
}

const CODE_LANGS = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'mts', 'cts']);

/**
 * Reads a test-generation answer (raw text, or an answer `askStructured` validated): the cases of
 * the JSON joined with their ```ts <id> blocks and the ```ts imports block. A case without code,
 * with code that does not parse, or using another runner's API (jest.fn in a vitest project) is
 * dropped with its reason; so are imports from another runner's module.
 */
export function parseTestPlan(answer: string | TestPlanStructuredAnswer, runner: PlanRunner): ParsedTestPlan {
  const read = typeof answer === 'string' ? readText(answer) : { value: answer.value, blocks: answer.codeBlocks, problems: [] };
  const problems = [...read.problems];
  const dropped: { id: string; title: string; reason: string }[] = [];
  if (read.value === undefined) {
    return { cases: [], imports: [], dropped, problems };
  }
  const byId = new Map<string, string>();
  const importTexts: string[] = [];
  for (const block of read.blocks) {
    const [lang = '', label = ''] = block.info.split(/\s+/);
    if (!CODE_LANGS.has(lang.toLowerCase())) {
      continue;
    }
    if (label === 'imports') {
      importTexts.push(block.code);
    } else if (byId.has(label)) {
      problems.push(`more than one code block for case ${label}: the first is used`);
    } else if (label !== '') {
      byId.set(label, block.code);
    }
  }
  const codes = new Map([...byId].map(([id, code]) => [id, caseCode(code)]));
  const imports = readImports([...importTexts, ...[...codes.values()].flatMap((c) => c.imports)].join('\n'), runner.name, problems);
  const cases: PlannedCase[] = [];
  const titles = new Set<string>();
  for (const c of read.value.cases) {
    const code = codes.get(c.id);
    const reason =
      code === undefined ? 'the answer has no ```ts ' + c.id + ' block for it'
      : code.problem ?? (titles.has(c.title) ? 'another case has the same title' : mismatch(code.body, imports, runner));
    if (reason !== undefined || code === undefined) {
      dropped.push({ id: c.id, title: c.title, reason: reason ?? 'no code' });
      problems.push(`case ${c.id} "${c.title}": ${reason ?? 'no code'}; dropped`);
      continue;
    }
    titles.add(c.title);
    cases.push({ id: c.id, title: c.title, checks: c.checks, body: code.body });
  }
  const known = new Set(read.value.cases.map((c) => c.id));
  for (const id of byId.keys()) {
    if (!known.has(id)) {
      problems.push(`code block "${id}" belongs to no case: ignored`);
    }
  }
  return { cases, imports: imports.kept, dropped, problems };
}

function readText(text: string): { value: TestPlanAnswer | undefined; blocks: readonly CodeBlock[]; problems: string[] } {
  const found = extractJson(text);
  if ('error' in found) {
    return { value: undefined, blocks: [], problems: [`(answer): ${found.error}`] };
  }
  const parsed = TestPlanAnswerSchema.safeParse(found.json);
  if (!parsed.success) {
    return { value: undefined, blocks: [], problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`) };
  }
  const blocks = extractCodeBlocks(text).filter((b) => b.end <= found.start || b.start >= found.end);
  return { value: parsed.data, blocks, problems: [] };
}

interface ReadImports {
  readonly kept: OptionalKind<ImportDeclarationStructure>[];
  /** Names imported from another runner's module, with that runner. */
  readonly foreign: Map<string, NonNullable<ReturnType<typeof foreignModule>>>;
}

function readImports(code: string, runner: TestRunnerName, problems: string[]): ReadImports {
  const file = ts.createSourceFile('imports.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const kept: OptionalKind<ImportDeclarationStructure>[] = [];
  const foreign: ReadImports['foreign'] = new Map();
  const seen = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      problems.push(`imports block: "${statement.getText(file).slice(0, 60)}" is not an import declaration; ignored`);
      continue;
    }
    const structure = importStructure(statement);
    const api = foreignModule(structure.moduleSpecifier, runner);
    if (api !== undefined) {
      namesOf(structure).forEach((n) => foreign.set(n, api));
      problems.push(`imports block: '${structure.moduleSpecifier}' is another runner's module in a ${runner} project; ignored`);
      continue;
    }
    const key = statement.getText(file).replace(/\s+/g, ' ');
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(structure);
    }
  }
  return { kept, foreign };
}

function importStructure(decl: ts.ImportDeclaration): OptionalKind<ImportDeclarationStructure> {
  const clause = decl.importClause;
  const bindings = clause?.namedBindings;
  const moduleSpecifier = (decl.moduleSpecifier as ts.StringLiteral).text;
  return {
    moduleSpecifier,
    ...(clause?.phaseModifier === ts.SyntaxKind.TypeKeyword ? { isTypeOnly: true } : {}),
    ...(clause?.name === undefined ? {} : { defaultImport: clause.name.text }),
    ...(bindings !== undefined && ts.isNamespaceImport(bindings) ? { namespaceImport: bindings.name.text } : {}),
    ...(bindings !== undefined && ts.isNamedImports(bindings)
      ? { namedImports: bindings.elements.map((e) => ({ name: (e.propertyName ?? e.name).text, ...(e.propertyName === undefined ? {} : { alias: e.name.text }), ...(e.isTypeOnly ? { isTypeOnly: true } : {}) })) }
      : {}),
  };
}

/** The local names an import declaration brings into scope. */
export function namesOf(structure: OptionalKind<ImportDeclarationStructure>): string[] {
  const named = Array.isArray(structure.namedImports) ? structure.namedImports : [];
  return [
    ...(typeof structure.defaultImport === 'string' ? [structure.defaultImport] : []),
    ...(typeof structure.namespaceImport === 'string' ? [structure.namespaceImport] : []),
    ...named.flatMap((n) => (typeof n === 'string' ? [n] : typeof n === 'function' ? [] : [n.alias ?? n.name])),
  ];
}

function mismatch(body: string, imports: ReadImports, runner: PlanRunner): string | undefined {
  const used = identifiersUsed(body);
  const foreignUsed = [...used].filter((n) => imports.foreign.has(n));
  const [first] = foreignUsed;
  const api = first === undefined ? undefined : imports.foreign.get(first);
  if (api !== undefined) {
    return foreignImportReason(api, runner.name, foreignUsed);
  }
  const imported = new Set(imports.kept.flatMap(namesOf));
  return runnerMismatch(used, imported, runner.name, runner.assertion);
}
