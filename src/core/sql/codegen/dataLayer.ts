import { dirname, relative } from 'node:path';
import { createNodeProjectFiles } from '../../project/nodeProjectFs';
import { readPackageJsonSync } from '../../project/packageJson';
import type { ProjectFileReader } from '../../project/projectFs';
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
  const files = createNodeProjectFiles(root);
  const sources = listSources(files);
  let style: QueryStyle | undefined;
  let dir: string | undefined;
  for (const [candidate, marker] of MARKERS) {
    const neighbour = sources.find((file) => marker.test(files.read(file) ?? ''));
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
  dir ??= ['src/db', 'src/queries', 'src/repositories', 'src/data'].find((d) => files.exists(d)) ?? 'src/queries';
  const script = pkg?.scripts['test'] ?? '';
  const runner: QueryTestRunner = /\bvitest\b/.test(script) || deps.has('vitest') ? 'vitest' : /\bjest\b/.test(script) || deps.has('jest') ? 'jest' : /\bmocha\b/.test(script) || deps.has('mocha') ? 'mocha' : 'node:test';
  evidence.push(`tests run with ${runner}${script ? ` ("test": "${script}")` : ''}`);
  const testDir = /\btests?\//.exec(script)?.[0].slice(0, -1) ?? (files.exists('test') ? 'test' : files.exists('tests') ? 'tests' : dir);
  return { style, dir, testDir, runner, esm: pkg?.type === 'module', evidence };
}

function listSources(files: ProjectFileReader): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 6 || out.length > 500) {
      return;
    }
    for (const listed of files.list(dir)) {
      const isDirectory = listed.endsWith('/');
      const name = isDirectory ? listed.slice(0, -1) : listed;
      const path = dir === '' ? name : `${dir}/${name}`;
      if (isDirectory && !['node_modules', 'dist', 'build', 'test', 'tests', '__tests__'].includes(name) && !name.startsWith('.')) {
        visit(path, depth + 1);
      } else if (!isDirectory && /\.[cm]?ts$/.test(name) && !/\.(test|spec|d)\.[cm]?ts$/.test(name)) {
        out.push(path);
      }
    }
  };
  visit(files.exists('src') ? 'src' : '', 0);
  return out.sort().map((p) => relative('.', p).split('\\').join('/'));
}
