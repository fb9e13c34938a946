import type { PackageJsonInfo } from './packageJson';
import type { PackageManager } from './projectFacts';
import type { ProjectFs } from './projectFs';

/** Lockfiles in the order they win when several are present (a stale package-lock.json is common). */
const LOCKFILES: readonly (readonly [string, PackageManager])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** How far up a monorepo's lockfile is looked for (packages/api → the repository root). */
const PARENT_LEVELS = 3;

/**
 * The package manager: package.json's `packageManager` field first, then a lockfile in the root
 * or, for a monorepo package, in up to three parent folders; npm when nothing says otherwise.
 */
export async function detectPackageManager(fs: ProjectFs, pkg: PackageJsonInfo): Promise<PackageManager> {
  const declared = /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager ?? '');
  if (declared) {
    return declared[1] as PackageManager;
  }
  for (let level = 0; level <= PARENT_LEVELS; level += 1) {
    const dir = level === 0 ? '.' : Array.from({ length: level }, () => '..').join('/');
    const names = new Set((await fs.readdir(dir)).map((entry) => entry.name));
    const found = LOCKFILES.find(([file]) => names.has(file));
    if (found) {
      return found[1];
    }
  }
  return 'npm';
}
