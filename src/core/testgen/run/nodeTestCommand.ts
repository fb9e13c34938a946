import { join } from 'node:path';
import { createNodeProjectFs } from '../../project/nodeProjectFs';
import { hasPackage, readIfExists } from './nodeBin';

/** What the project's `test` script tells about running node:test. */
export interface NodeTestCommand {
  /** Node options before `--test` that load TypeScript or set up the run (`--import tsx`). */
  readonly nodeOptions: readonly string[];
  /** The files or globs the script passes to `--test` (empty when it passes none). */
  readonly patterns: readonly string[];
}

const FLAGS_WITH_VALUE = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r', '--env-file', '--conditions', '-C']);

function tokenize(script: string): string[] {
  return [...script.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** Drops what comes before the command itself: `NODE_ENV=test`, `cross-env A=b`, `npx`, `dotenv --`. */
function withoutLaunchers(tokens: readonly string[]): string[] {
  let start = 0;
  while (start < tokens.length) {
    const token = tokens[start] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(token) || token === 'cross-env' || token === 'npx' || token === '--') {
      start += 1;
    } else if (token === 'dotenv' || token === 'dotenvx') {
      const end = tokens.indexOf('--', start);
      start = end < 0 ? tokens.length : end + 1;
    } else {
      break;
    }
  }
  return tokens.slice(start);
}

function fromTokens(tokens: readonly string[]): NodeTestCommand {
  const nodeOptions: string[] = [];
  const patterns: string[] = [];
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    if (/^--(test|watch)/.test(token)) {
      continue;
    }
    if (token.startsWith('-')) {
      nodeOptions.push(token);
      if (FLAGS_WITH_VALUE.has(token) && index + 1 < tokens.length) {
        index += 1;
        nodeOptions.push(tokens[index] ?? '');
      }
    } else {
      patterns.push(token);
    }
  }
  return { nodeOptions, patterns };
}

/**
 * Reads the `test` script (`node --import tsx --test test/*.test.ts`, `tsx --test …`) for the loader
 * options and test patterns; without one, `--import tsx` when tsx is installed.
 */
export function nodeTestCommand(root: string): NodeTestCommand {
  const manifest = readIfExists(join(root, 'package.json'));
  const scripts: unknown = manifest === undefined ? undefined : (JSON.parse(manifest) as { scripts?: unknown }).scripts;
  const script = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)['test'] : undefined;
  const segment = typeof script === 'string' ? script.split(/&&|;|\|\|/).find((part) => part.includes('--test')) : undefined;
  const tokens = segment === undefined ? [] : withoutLaunchers(tokenize(segment.trim()));
  if (tokens[0] === 'node') {
    return fromTokens(tokens);
  }
  if (tokens[0] === 'tsx') {
    const parsed = fromTokens(tokens);
    return { nodeOptions: ['--import', 'tsx', ...parsed.nodeOptions], patterns: parsed.patterns };
  }
  return { nodeOptions: hasPackage(root, 'tsx') ? ['--import', 'tsx'] : [], patterns: [] };
}

/** Bounds of the walk: a test script's glob must not read a whole monorepo. */
const TEST_GLOB_LIMITS = { limit: 2000, maxDirs: 2000 } as const;

/**
 * Expands the script's patterns (or `fallback`, a glob from the project's layout) to root-relative
 * files, with the same bounded, node_modules-skipping walk that project detection uses.
 */
export async function expandTestPatterns(root: string, patterns: readonly string[], fallback: string): Promise<string[]> {
  const globs = patterns.length > 0 ? patterns : [fallback];
  const fs = createNodeProjectFs(root);
  const files = new Set<string>();
  for (const glob of globs) {
    for (const file of await fs.glob(glob.replace(/^\.\//, ''), TEST_GLOB_LIMITS)) {
      files.add(file);
    }
  }
  return [...files].sort();
}
