import { ts } from 'ts-morph';
import type { ProjectFs, TestRunnerName } from '../../project';
import { packageJsonOrUndefined } from '../../project/packageJson';

/** Where a test file gets describe/it/expect from, and why Routecraft thinks so. */
export interface RunnerApiImport {
  /** The module to import the runner's API from; undefined when they are globals. */
  readonly module?: string;
  /** One sentence with the evidence (a neighbouring test, the runner config, tsconfig `types`). */
  readonly reason: string;
}

const API_MODULES: Readonly<Record<string, TestRunnerName>> = { vitest: 'vitest', '@jest/globals': 'jest', 'node:test': 'node:test', mocha: 'mocha' };
const API_NAMES = new Set(['describe', 'it', 'test', 'expect', 'vi', 'jest', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach', 'before', 'after', 'suite']);
const CONFIG_FILES = ['vitest.config', 'vite.config', 'vitest.workspace'].flatMap((name) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${name}.${ext}`));

/** How one test file reaches the runner's API: imported (from which module), used as globals, or neither. */
export function testApiUse(text: string): { readonly importsFrom?: string; readonly usesGlobals: boolean } {
  const file = ts.createSourceFile('t.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imported = new Set<string>();
  let importsFrom: string | undefined;
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || API_MODULES[statement.moduleSpecifier.text] === undefined) {
      continue;
    }
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (clause === undefined || clause.phaseModifier === ts.SyntaxKind.TypeKeyword || bindings === undefined || !ts.isNamedImports(bindings)) {
      continue;
    }
    const names = bindings.elements.filter((e) => !e.isTypeOnly && API_NAMES.has((e.propertyName ?? e.name).text)).map((e) => e.name.text);
    names.forEach((n) => imported.add(n));
    if (names.length > 0) {
      importsFrom = statement.moduleSpecifier.text;
    }
  }
  let usesGlobals = false;
  const visit = (node: ts.Node): void => {
    if (usesGlobals) {
      return;
    }
    if (ts.isCallExpression(node)) {
      let callee: ts.Expression = node.expression;
      while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) {
        callee = ts.isPropertyAccessExpression(callee) ? callee.expression : callee.expression;
      }
      if (ts.isIdentifier(callee) && API_NAMES.has(callee.text) && !imported.has(callee.text)) {
        usesGlobals = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { ...(importsFrom === undefined ? {} : { importsFrom }), usesGlobals };
}

/** The runner config that turns vitest's globals on (`test: { globals: true }`), when one does. */
async function vitestGlobalsConfig(fs: ProjectFs): Promise<string | undefined> {
  for (const name of CONFIG_FILES) {
    if (await fs.exists(name)) {
      const text = await fs.readFile(name);
      if (/\bglobals\s*:\s*true\b/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))) {
        return name;
      }
    }
  }
  return undefined;
}

async function hasDependency(fs: ProjectFs, name: string): Promise<boolean> {
  const text = await fs.readFile('package.json').catch(() => undefined);
  return packageJsonOrUndefined(text)?.dependencies.has(name) === true;
}

/**
 * Whether the new tests import describe/it/expect, and from where, learned from the project:
 * the nearest neighbouring tests first (they import the API, or use it as globals); without
 * them, for vitest the config's `globals: true` or tsconfig `types` with `vitest/globals` mean
 * globals, else `import … from 'vitest'`; for jest `@types/jest` means globals, `@jest/globals`
 * alone means importing it. node:test always imports; mocha's API is always global.
 * `neighbours` are the nearest test files' texts, nearest first.
 */
export async function runnerApiImport(fs: ProjectFs, runner: TestRunnerName, neighbours: readonly { readonly path: string; readonly text: string }[], types: readonly string[]): Promise<RunnerApiImport> {
  if (runner === 'node:test') {
    return { module: 'node:test', reason: "node:test's API is always imported" };
  }
  if (runner === 'mocha') {
    return { reason: "mocha's describe/it are globals" };
  }
  const ownModule = runner === 'vitest' ? 'vitest' : '@jest/globals';
  for (const neighbour of neighbours) {
    const use = testApiUse(neighbour.text);
    if (use.importsFrom === ownModule) {
      return { module: ownModule, reason: `${neighbour.path} imports the test API from '${ownModule}'` };
    }
    if (use.usesGlobals && use.importsFrom === undefined) {
      return { reason: `${neighbour.path} uses describe/it/expect as globals` };
    }
  }
  if (runner === 'vitest') {
    const config = await vitestGlobalsConfig(fs);
    if (config !== undefined) {
      return { reason: `${config} sets globals: true` };
    }
    if (types.some((t) => t === 'vitest/globals')) {
      return { reason: "tsconfig types include 'vitest/globals'" };
    }
    return { module: 'vitest', reason: 'vitest globals are not enabled (no globals: true, no vitest/globals types)' };
  }
  if (!(await hasDependency(fs, '@types/jest')) && (await hasDependency(fs, '@jest/globals'))) {
    return { module: '@jest/globals', reason: 'package.json has @jest/globals and no @types/jest' };
  }
  return { reason: "jest's describe/it/expect are globals (@types/jest)" };
}
