import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readPackageJsonSync } from '../../project/packageJson';
import type { SchemaModel } from '../schema/schemaModel';

/** How the project writes raw queries. */
export type QueryStyle = 'prisma' | 'drizzle' | 'knex' | 'typeorm' | 'pg';
/** The project's test runner, for the generated test. */
export type QueryTestRunner = 'vitest' | 'jest' | 'mocha' | 'node:test';

/** Where and how the new query function goes, with the evidence for each choice. */
export interface DataLayer {
  readonly style: QueryStyle;
  /** Folder of the new function file, relative to the root, forward slashes. */
  readonly dir: string;
  readonly testDir: string;
  readonly runner: QueryTestRunner;
  /** Relative imports need `.js` (an ESM package). */
  readonly esm: boolean;
  readonly evidence: readonly string[];
}

const MARKERS: readonly (readonly [QueryStyle, RegExp])[] = [
  ['prisma', /\$queryRaw\b/],
  ['drizzle', /from ['"]drizzle-orm['"]/],
  ['knex', /\.raw\s*\(/],
  ['pg', /\.query\s*\(\s*['"`]/],
];

/** Reads the data layer's conventions: the style of its raw queries, where they live, the test runner. */
export function detectDataLayer(root: string, schema: SchemaModel): DataLayer {
  const pkg = readPackageJsonSync(root);
  const deps = new Set(pkg ? [...pkg.sections.dependencies.keys(), ...pkg.sections.devDependencies.keys()] : []);
  const evidence: string[] = [];
  const sources = listSources(root);
  let style: QueryStyle | undefined;
  let dir: string | undefined;
  for (const [candidate, marker] of MARKERS) {
    const neighbour = sources.find((file) => marker.test(readFileSync(join(root, file), 'utf8')));
    if (neighbour) {
      style = candidate;
      dir = dirname(neighbour);
      evidence.push(`${candidate} queries as in ${neighbour} (the new function goes beside it)`);
      break;
    }
  }
  if (!style) {
    style = deps.has('@prisma/client') || schema.source === 'prisma' ? 'prisma' : deps.has('drizzle-orm') ? 'drizzle' : deps.has('knex') ? 'knex' : deps.has('typeorm') || schema.source === 'typeorm' ? 'typeorm' : 'pg';
    evidence.push(`${style} from package.json (no raw query found to copy)`);
  }
  dir ??= ['src/db', 'src/queries', 'src/repositories', 'src/data'].find((d) => existsSync(join(root, d))) ?? 'src/queries';
  const script = pkg?.scripts['test'] ?? '';
  const runner: QueryTestRunner = /\bvitest\b/.test(script) || deps.has('vitest') ? 'vitest' : /\bjest\b/.test(script) || deps.has('jest') ? 'jest' : /\bmocha\b/.test(script) || deps.has('mocha') ? 'mocha' : 'node:test';
  evidence.push(`tests run with ${runner}${script ? ` ("test": "${script}")` : ''}`);
  const testDir = /\btests?\//.exec(script)?.[0].slice(0, -1) ?? (existsSync(join(root, 'test')) ? 'test' : existsSync(join(root, 'tests')) ? 'tests' : dir);
  return { style, dir, testDir, runner, esm: pkg?.type === 'module', evidence };
}

function listSources(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 6 || out.length > 500) {
      return;
    }
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory() && !['node_modules', 'dist', 'build', 'test', 'tests', '__tests__'].includes(entry.name) && !entry.name.startsWith('.')) {
        visit(path, depth + 1);
      } else if (entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !/\.(test|spec|d)\.[cm]?ts$/.test(entry.name)) {
        out.push(path);
      }
    }
  };
  visit(existsSync(join(root, 'src')) ? 'src' : '', 0);
  return out.sort().map((p) => relative('.', p).split('\\').join('/'));
}
