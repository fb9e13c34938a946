import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import type { GeneratedFile, ProjectFiles } from '../../src/core/codegen/types';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * Copies a fixture (without node_modules) to test/fixtures/.work/<copyName> (default: the fixture's
 * name) and links its node_modules (or `nodeModules`, e.g. the repository's for the sql-* fixtures,
 * which have no install of their own). A separate copy name keeps concurrent users (e2e, CLI tests) apart.
 */
export function prepareWorkspace(name: string, copyName: string = name, nodeModules: string = join(FIXTURES, name, 'node_modules')): string {
  const source = join(FIXTURES, name);
  const target = join(FIXTURES, '.work', copyName);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${name}/node_modules`) });
  symlinkSync(nodeModules, join(target, 'node_modules'), 'dir');
  return target;
}

/**
 * The project's own executable `name` (tsc, jest, vitest, mocha, tsx) as `npx name` finds it: the
 * nearest node_modules/.bin/name from `dir` up. Running it directly skips npx's own start (about
 * 1 s of CPU per call, ~25 calls in the generation stage); a missing binary fails instead of
 * being fetched.
 */
export function fixtureBin(dir: string, name: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const bin = join(at, 'node_modules', '.bin', name);
    if (existsSync(bin)) {
      return bin;
    }
    if (at === parse(at).root) {
      throw new Error(`${name} is not installed in ${dir} or above (run scripts/install-fixtures.mjs)`);
    }
  }
}

/** ProjectFiles over a real folder. */
export function diskFiles(root: string): ProjectFiles {
  return {
    read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
    exists: (path) => existsSync(join(root, path)),
    list: (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)) : []),
  };
}

/** Writes generated files, checking each `before` still matches the disk. */
export function writeFiles(root: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const full = join(root, file.path);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (current !== file.before) {
      throw new Error(`${file.path} changed since generation`);
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.after);
  }
}
