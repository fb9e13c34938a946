import { posix, resolve } from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import { assertInsideRoot } from '../../changes/assertInsideRoot';
import { projectCompilerOptions } from '../../changes/projectCompilerOptions';
import { stringLiteral } from '../../codegen/shared/literal';
import { RoutecraftError } from '../../errors';
import type { ProjectFacts } from '../../project';
import { findTestFile, listTestFiles } from '../place/findTestFile';
import { nearestTests, pairTests } from '../place/testNeighbours';
import { createNodeProjectFiles, createNodeProjectFs, projectPath } from '../../project';
import { findTestTarget, type FoundTarget } from './findTestTarget';
import { LineBudget } from './lineBudget';
import { calleeDeclarations, usedTypeDeclarations } from './projectReferences';
import { resolvedSignature } from './resolvedSignature';
import { runnerNotes } from './runnerNotes';
import { importSpecifierFor } from './targetImportStyle';
import { learnTestConventions } from './testConventions';
import { DEFAULT_TEST_CONTEXT_LIMITS, type ContextPart, type TestContext, type TestContextLimits, type TestTargetRequest } from './testContext';

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;

/**
 * Gathers what the model needs to write tests for one target, bounded by `limits`: the target's
 * code and signature with types resolved by the checker (over the file and what it imports only,
 * never the whole tsconfig), the project functions it calls, the project types it uses, one or two
 * existing tests as a style example, where the tests go and how they import the target.
 * Throws a RoutecraftError for a missing, non-TS/JS or unparsable file and an unknown target.
 */
export async function gatherTestContext(root: string, facts: ProjectFacts, target: TestTargetRequest, limits: Partial<TestContextLimits> = {}): Promise<TestContext> {
  const bounds = { ...DEFAULT_TEST_CONTEXT_LIMITS, ...limits };
  const rootDir = resolve(root).replace(/\\/g, '/');
  const file = target.file.replace(/\\/g, '/');
  if (!CODE_FILE.test(file)) {
    throw new RoutecraftError('invalid-input', `${file} is not a TypeScript or JavaScript file: tests are generated for .ts/.tsx/.js code.`);
  }
  const absolute = assertInsideRoot(rootDir, file);
  if (!createNodeProjectFiles(rootDir).isFile(projectPath(rootDir, absolute))) {
    throw new RoutecraftError('file-not-found', `File not found: ${file}`);
  }
  const project = createProject(rootDir);
  const source = project.addSourceFileAtPath(absolute);
  assertParses(source, file);
  project.resolveSourceFileDependencies();
  const found = findTestTarget(source, file, target);
  const budget = new LineBudget(bounds.maxLines, bounds.maxLinesPerPart);
  const partOf = (label: string, node: Node, required = false): ContextPart | undefined =>
    budget.take(label, relative(rootDir, node), node.getStartLineNumber(true), node.getText(true), required);

  const code = partOf(`${found.kind} ${found.name}`, found.node, true);
  if (code === undefined) {
    throw new RoutecraftError('internal', `Could not read the code of ${found.name}.`);
  }
  const fs = createNodeProjectFs(rootDir);
  const pairs = await pairTests(fs, await listTestFiles(fs));
  const testFile = await findTestFile(rootDir, facts, file, fs, pairs);
  const types = project.getCompilerOptions().types ?? [];
  const learned = await learnTestConventions(fs, facts, file, pairs, types);
  const specifier = (from: string, to: string): string => importSpecifierFor(learned.conventions.targetImport, from, to, facts.importExtension);
  const exportInfo = exportOf(found);
  const importFrom = exportInfo === undefined ? file : relative(rootDir, exportInfo.node);
  const importPath = specifier(testFile.path, importFrom);
  const typeParts = usedTypeDeclarations(found.node, found.declaration, rootDir).flatMap((d) => partOf(typeLabel(d), d) ?? []);
  const callees = calleeDeclarations(found.node, rootDir).flatMap((d) => partOf(`calls ${declName(d)}`, d) ?? []);
  const nearest = nearestTests(pairs.filter((p) => p.module !== undefined), file).map((p) => p.test);
  const examples = await exampleTests(rootDir, testFile.exists ? testFile.path : undefined, nearest, bounds.maxExamples, budget);
  const runnerName = facts.testRunner?.name ?? 'vitest';
  if (facts.testRunner === undefined) {
    budget.omitted.push('The project has no detected test runner: vitest is assumed.');
  }
  return {
    root: rootDir,
    target: {
      kind: found.kind,
      name: found.name,
      signature: resolvedSignature(found.kind === 'route-handler' ? 'handler' : found.name.split('.').pop() ?? found.name, found.declaration),
      exported: exportInfo !== undefined,
      ...(exportInfo === undefined ? {} : { importName: exportInfo.name }),
      defaultExport: exportInfo?.isDefault === true,
      ...(found.route === undefined ? {} : { route: { method: found.route.method, path: found.route.path, owner: found.route.owner } }),
      code,
    },
    testFile,
    importPath,
    importHints: importHints(project, rootDir, { ...facts, style: learned.style }, testFile.path, importPath, exportInfo, found, specifier),
    callees,
    types: typeParts,
    examples,
    runner: { name: runnerName, ...(facts.testRunner?.assertion === undefined ? {} : { assertion: facts.testRunner.assertion }), notes: runnerNotes(runnerName, facts.testRunner?.assertion, learned.conventions.runnerApi) },
    ...(facts.httpTester === undefined ? {} : { httpTester: facts.httpTester }),
    moduleKind: facts.moduleKind,
    importExtension: facts.importExtension,
    style: learned.style,
    conventions: learned.conventions,
    omitted: budget.omitted,
  };
}

function createProject(root: string): Project {
  const setup = projectCompilerOptions(root);
  try {
    return new Project({
      ...(setup.tsConfigFilePath === undefined ? {} : { tsConfigFilePath: setup.tsConfigFilePath }),
      compilerOptions: { ...setup.compilerOptions, allowJs: true },
      skipAddingFilesFromTsConfig: true,
    });
  } catch (error) {
    throw new RoutecraftError('invalid-input', `Could not read the TypeScript configuration of ${root}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Syntax errors only, without building a program (the checker comes later, over the imports). */
function assertParses(source: SourceFile, file: string): void {
  const fileName = source.getBaseName();
  const { diagnostics = [] } = ts.transpileModule(source.getFullText(), { fileName, reportDiagnostics: true, compilerOptions: { allowJs: true } });
  const [first] = diagnostics;
  if (first !== undefined) {
    const { line, column } = source.getLineAndColumnAtPos(first.start ?? 0);
    const text = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    throw new RoutecraftError('invalid-input', `${file} has syntax errors (${String(line)}:${String(column)} ${text}); fix them before generating tests.`);
  }
}

function relative(root: string, node: Node): string {
  return posix.relative(root, node.getSourceFile().getFilePath());
}

/** `../src/x.js` for importing `toFile` from `fromFile` (root-relative paths). */
export function moduleSpecifier(fromFile: string, toFile: string, importExtension: '' | '.js'): string {
  const target = toFile.replace(CODE_FILE, '');
  const rel = posix.relative(posix.dirname(fromFile), target);
  return `${rel.startsWith('.') ? rel : `./${rel}`}${importExtension}`;
}

interface ExportInfo {
  readonly node: Node;
  readonly name: string;
  readonly isDefault: boolean;
}

/** How a test imports the target (its class for a method, its router for a route), when it can. */
function exportOf(found: FoundTarget): ExportInfo | undefined {
  const node = found.importable;
  if (node === undefined) {
    return undefined;
  }
  for (const [name, decls] of node.getSourceFile().getExportedDeclarations()) {
    if (decls.some((d) => d === node)) {
      return { node, name: name === 'default' ? localName(node) : name, isDefault: name === 'default' };
    }
  }
  return undefined;
}

function localName(node: Node): string {
  return (Node.hasName(node) ? node.getName() : undefined) ?? 'subject';
}

function declName(node: Node): string {
  if (Node.isMethodDeclaration(node)) {
    const cls = node.getParent();
    return `${Node.isClassDeclaration(cls) ? (cls.getName() ?? '') : ''}.${node.getName()}`;
  }
  if (Node.isVariableStatement(node)) {
    return node.getDeclarations().map((d) => d.getName()).join(', ');
  }
  return localName(node);
}

function typeLabel(node: Node): string {
  const kind = Node.isInterfaceDeclaration(node) ? 'interface' : Node.isEnumDeclaration(node) ? 'enum' : 'type';
  return `${kind} ${localName(node)}`;
}

/** The same module's test file first, then the nearest other test files (smaller first among equals), within the budget. */
async function exampleTests(root: string, sameModule: string | undefined, nearest: readonly string[], max: number, budget: LineBudget): Promise<ContextPart[]> {
  const fs = createNodeProjectFs(root);
  const rank = new Map(nearest.map((path, i) => [path, i]));
  const others: { path: string; text: string }[] = [];
  for (const path of await listTestFiles(fs)) {
    if (path !== sameModule) {
      others.push({ path, text: await fs.readFile(path) });
    }
  }
  const lines = (t: { text: string }): number => t.text.split('\n').length;
  others.sort((a, b) => (rank.get(a.path) ?? nearest.length) - (rank.get(b.path) ?? nearest.length) || lines(a) - lines(b) || a.path.localeCompare(b.path));
  const chosen = sameModule === undefined ? others : [{ path: sameModule, text: await fs.readFile(sameModule) }, ...others];
  return chosen.slice(0, max).flatMap((t) => budget.take(`example test ${t.path}`, t.path, 1, t.text.trimEnd()) ?? []);
}

function importHints(project: Project, root: string, facts: ProjectFacts, testPath: string, importPath: string, exp: ExportInfo | undefined, found: FoundTarget, specifier: (from: string, to: string) => string): string[] {
  const semi = facts.style.semicolons ? ';' : '';
  const q = (text: string): string => stringLiteral(text, facts.style);
  const hints: string[] = [];
  if (exp !== undefined) {
    hints.push(exp.isDefault ? `import ${exp.name} from ${q(importPath)}${semi}` : `import { ${exp.name} } from ${q(importPath)}${semi}`);
  }
  const appFile = facts.layout.appFile;
  if (found.kind === 'route-handler' && appFile !== undefined) {
    if (facts.httpTester === 'supertest') {
      hints.push(`import request from ${q('supertest')}${semi}`);
    }
    const app = project.addSourceFileAtPathIfExists(`${root}/${appFile}`);
    const names = app === undefined ? [] : [...app.getExportedDeclarations().keys()];
    const appSpecifier = specifier(testPath, appFile);
    const appName = names.find((n) => n === 'app') ?? names.find((n) => n !== 'default');
    if (appName !== undefined && appSpecifier !== importPath) {
      hints.push(`import { ${appName} } from ${q(appSpecifier)}${semi}`);
    }
  }
  return hints;
}
