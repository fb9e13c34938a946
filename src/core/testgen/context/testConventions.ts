import { posix } from 'node:path';
import type { CodeStyle, ProjectFacts, ProjectFs } from '../../project';
import { readTsconfig } from '../../project/tsconfig';
import { learnImportOrder, type ImportOrder } from '../place/importOrder';
import { nearestTests, type TestPair } from '../place/testNeighbours';
import { runnerApiImport, type RunnerApiImport } from './runnerApiImport';
import { targetImportStyle, wildcardAliases, type TargetImportStyle } from './targetImportStyle';

/** How the project's tests are written, learned from the tests nearest to the target. */
export interface TestConventions {
  /** Where describe/it/expect come from (undefined module: globals). */
  readonly runnerApi: RunnerApiImport;
  /** Project modules through a path alias, or relative. */
  readonly targetImport: TargetImportStyle;
  /** Prefixes of the project's path aliases (`@/`): imports starting with one are the project's own. */
  readonly aliasPrefixes: readonly string[];
  /** The neighbours' import order; undefined when none shows one (imports are appended). */
  readonly importOrder?: ImportOrder;
  /** The test file the quotes and semicolons were read from, when one was. */
  readonly styleFrom?: string;
}

/** How many of the nearest test files are read. */
const NEIGHBOURS = 5;

/** The quotes and semicolons of a test file's imports, when it has imports to read them from. */
function importStyle(text: string): Pick<CodeStyle, 'quote' | 'semicolons'> | undefined {
  const lines = text.split('\n').filter((l) => /^import\s.*\bfrom\s+['"]|^import\s+['"]/.test(l));
  if (lines.length === 0) {
    return undefined;
  }
  const double = lines.filter((l) => /['"]/.exec(l)?.[0] === '"').length;
  const semi = lines.filter((l) => l.trimEnd().endsWith(';')).length;
  return { quote: double * 2 > lines.length ? 'double' : 'single', semicolons: semi * 2 > lines.length };
}

/**
 * Reads the nearest test files (the module's own test first) and learns from them how a new test
 * is written: the runner API's import or globals, alias or relative imports, import order, quotes
 * and semicolons. Returns the conventions and the code style for the test file.
 */
export async function learnTestConventions(
  fs: ProjectFs,
  facts: ProjectFacts,
  sourceFile: string,
  pairs: readonly TestPair[],
  types: readonly string[],
): Promise<{ readonly conventions: TestConventions; readonly style: CodeStyle }> {
  const nearest = nearestTests(pairs, sourceFile).sort((a, b) => Number(b.module === sourceFile) - Number(a.module === sourceFile)).slice(0, NEIGHBOURS);
  const neighbours: { path: string; text: string }[] = [];
  for (const pair of nearest) {
    neighbours.push({ path: pair.test, text: await fs.readFile(pair.test).catch(() => '') });
  }
  const tsconfig = await readTsconfig(fs);
  const aliases = wildcardAliases(tsconfig.paths, tsconfig.baseUrl);
  const aliasPrefixes = aliases.map((a) => a.prefix);
  const runnerApi = await runnerApiImport(fs, facts.testRunner?.name ?? 'vitest', neighbours, types);
  const importOrder = learnImportOrder(neighbours, aliasPrefixes);
  const styled = neighbours.map((n) => ({ path: n.path, style: importStyle(n.text) })).find((n) => n.style !== undefined);
  return {
    conventions: {
      runnerApi,
      targetImport: targetImportStyle(neighbours, aliases),
      aliasPrefixes,
      ...(importOrder === undefined ? {} : { importOrder }),
      ...(styled === undefined ? {} : { styleFrom: styled.path }),
    },
    style: { ...facts.style, ...styled?.style },
  };
}

/** One line per convention, for the review ("Tests follow …"). */
export function describeConventions(conventions: TestConventions, testFile: { readonly path: string; readonly evidence?: string; readonly collectedBy?: string }): string[] {
  const where = testFile.collectedBy === undefined ? '' : ` (where the test runner collects tests: ${testFile.collectedBy})`;
  const lines = [`test file ${testFile.path}${testFile.evidence === undefined ? where : ` (like ${testFile.evidence})`}`];
  lines.push(conventions.runnerApi.module === undefined ? `test API as globals: ${conventions.runnerApi.reason}` : `test API imported from '${conventions.runnerApi.module}': ${conventions.runnerApi.reason}`);
  const { targetImport } = conventions;
  lines.push(targetImport.alias === undefined ? `project modules by relative path${targetImport.reason === undefined ? '' : `: ${targetImport.reason}`}` : `project modules through '${targetImport.alias.prefix}': ${targetImport.reason ?? ''}`);
  if (conventions.importOrder !== undefined) {
    const o = conventions.importOrder;
    lines.push(`imports ordered ${o.groups.join(', ')}${o.blankLineBetween ? ', blank line between groups' : ''}${o.sorted ? ', sorted' : ''}: like ${posix.normalize(o.reason)}`);
  }
  return lines;
}
