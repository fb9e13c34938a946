import { assertInsideRoot } from '../../changes/assertInsideRoot';
import { createCodeProject, formatFragment, formatSourceFile } from '../../codegen/shared/codeStyle';
import { stringLiteral } from '../../codegen/shared/literal';
import { SyntaxKind, type Project } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import { createNodeProjectFs, projectPath, type CodeStyle, type ProjectFacts } from '../../project';
import { identifiersUsed } from '../answer/caseCode';
import type { ParsedTestPlan } from '../answer/parseTestPlan';
import type { TestContext } from '../context/testContext';
import { ensureDescribe, findDescribe, testsIn } from './describeBlock';
import { orderImports } from './importOrder';
import { mergeTestImports } from './mergeTestImports';

/** What placement starts from; kept so cases can be removed by placing again. */
export interface PlacementInput {
  /** Root-relative path of the test file. */
  readonly file: string;
  /** Its content before (undefined: a new file). */
  readonly before: string | undefined;
  readonly facts: Pick<ProjectFacts, 'style'>;
  readonly context: TestContext;
  readonly plan: ParsedTestPlan;
}

/** A test file with the plan's cases placed in it. */
export interface PlacedTests {
  readonly file: string;
  readonly before: string | undefined;
  readonly after: string;
  /** 1-based line range of each placed case's `it(…)` in `after`, by case id. */
  readonly caseLines: Readonly<Record<string, { readonly start: number; readonly end: number }>>;
  /** Cases not placed because the describe already has a test with that title. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
  readonly basis: PlacementInput;
}

/**
 * Places the plan's cases into the module's test file (`context.testFile`): inside its top-level
 * `describe('<target>')` (added when missing), imports merged without duplicates, titles already
 * in that describe skipped (re-running adds nothing). A new file is written in the style of the
 * nearest tests (`context.style`, `context.conventions`: quotes, API globals, import order).
 * Reads the file; writes nothing.
 */
export async function placeTests(root: string, facts: ProjectFacts, context: TestContext, plan: ParsedTestPlan): Promise<PlacedTests> {
  const file = context.testFile.path;
  const absolute = assertInsideRoot(root, file);
  const before = await createNodeProjectFs(root).readFile(projectPath(root, absolute)).catch((error: unknown) => {
    if (error instanceof RoutecraftError && error.code === 'file-not-found') {
      return undefined;
    }
    throw error;
  });
  return placeTestsInText({ file, before, facts, context, plan });
}

/** The fragment with its plain string literals in the project's quotes. */
function matchQuotes(project: Project, text: string, style: CodeStyle): string {
  const scratch = project.createSourceFile('/__quotes.ts', text, { overwrite: true });
  const literals = scratch.getDescendantsOfKind(SyntaxKind.StringLiteral).filter((s) => !s.getText().startsWith(style.quote === 'single' ? "'" : '"'));
  for (const literal of literals.reverse()) {
    literal.replaceWithText(stringLiteral(literal.getLiteralText(), style));
  }
  const result = scratch.getFullText();
  project.removeSourceFile(scratch);
  return result;
}

/** `placeTests` over given text (no file system). */
export function placeTestsInText(input: PlacementInput): PlacedTests {
  const { context, plan } = input;
  const style = context.style;
  const project = createCodeProject(style);
  const file = project.createSourceFile(`/${input.file}`, input.before ?? '', { overwrite: true });
  const title = context.target.name;
  const existing = findDescribe(file, title);
  const existingTitles = existing === undefined ? new Map<string, unknown>() : testsIn(existing);
  const skipped = plan.cases.filter((c) => existingTitles.has(c.title)).map((c) => ({ id: c.id, reason: `"${c.title}" is already in describe('${title}')` }));
  const cases = plan.cases.filter((c) => !existingTitles.has(c.title));
  if (cases.length === 0) {
    return { file: input.file, before: input.before, after: input.before ?? '', caseLines: {}, skipped, basis: input };
  }
  const body = ensureDescribe(file, title, style);
  const semi = style.semicolons ? ';' : '';
  for (const c of cases) {
    const asyncKeyword = /\bawait\b/.test(c.body) ? 'async ' : '';
    const text = formatFragment(project, matchQuotes(project, `it(${stringLiteral(c.title, style)}, ${asyncKeyword}() => {\n${c.body}\n})${semi}`, style), style);
    body.addStatements(body.getStatements().length > 0 ? `\n${text}` : text);
  }
  const used = new Set(['describe', 'it', ...cases.flatMap((c) => [...identifiersUsed(c.body)])]);
  const importsBefore = new Set(file.getImportDeclarations());
  mergeTestImports(file, context, plan.imports, used);
  const order = context.conventions?.importOrder;
  if (order !== undefined) {
    orderImports(file, order, context.conventions?.aliasPrefixes ?? [], new Set(file.getImportDeclarations().filter((d) => !importsBefore.has(d))), input.before === undefined);
  }
  if (input.before === undefined) {
    formatSourceFile(file, style);
  } else if (!style.semicolons) {
    for (const decl of file.getImportDeclarations().filter((d) => !importsBefore.has(d))) {
      const declText = decl.getText();
      if (declText.endsWith(';')) {
        decl.replaceWithText(declText.slice(0, -1));
      }
    }
  }
  const placedBody = findDescribe(file, title);
  const tests = placedBody === undefined ? undefined : testsIn(placedBody);
  const caseLines: Record<string, { start: number; end: number }> = {};
  for (const c of cases) {
    const node = tests?.get(c.title);
    if (node !== undefined) {
      caseLines[c.id] = { start: node.getStartLineNumber(), end: node.getEndLineNumber() };
    }
  }
  const text = file.getFullText();
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  // A file written with CRLF keeps CRLF on every line, the added ones included.
  const after = input.before?.includes('\r\n') === true ? ended.replace(/\r?\n/g, '\r\n') : ended;
  return { file: input.file, before: input.before, after, caseLines, skipped, basis: input };
}
