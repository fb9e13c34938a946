// The embedded databases (Generate Query / `routecraft sql`) stay outside the bundles: PGlite and
// sql.js load their WASM (and PGlite its data files) from beside their own modules. The packaged
// extension ships no node_modules, so their runtime files are copied to dist/node_modules, where
// Node's resolution from dist/adapter.js and dist/cli.js finds them first.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package → what of its dist/ runs (no source maps, type declarations or optional extensions). */
export const embeddedEngines = [
  { name: '@electric-sql/pglite', keep: (file) => !/\.(map|d\.ts|d\.cts|tar\.gz)$/.test(file) },
  { name: 'sql.js', keep: (file) => file === 'sql-wasm.js' || file === 'sql-wasm.wasm' },
];

/** Copies each engine's package.json and runtime files to `<outDir>/node_modules/<name>/`, unless that version is there already. */
export function copyEmbeddedEngines(outDir = join(root, 'dist')) {
  for (const { name, keep } of embeddedEngines) {
    const from = join(root, 'node_modules', name);
    const to = join(outDir, 'node_modules', name);
    if (existsSync(join(to, 'package.json')) && readFileSync(join(to, 'package.json'), 'utf8') === readFileSync(join(from, 'package.json'), 'utf8')) {
      continue; // already copied from this version: builds (and watch rebuilds) do not copy 19 MB again
    }
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    cpSync(join(from, 'package.json'), join(to, 'package.json'));
    cpSync(join(from, 'dist'), join(to, 'dist'), {
      recursive: true,
      filter: (source) => (statSync(source).isDirectory() ? !relative(join(from, 'dist'), source).split(sep).includes('contrib') : keep(relative(join(from, 'dist'), source))),
    });
  }
}
