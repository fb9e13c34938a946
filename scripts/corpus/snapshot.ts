import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never compared: installed packages and version control. */
const SKIPPED = new Set(['node_modules', '.git']);

/** Relative POSIX path → sha256 of every file under `root` (without node_modules and .git). */
export type TreeSnapshot = ReadonlyMap<string, string>;

/** Hashes every file of a project tree; symbolic links are recorded by their target's presence only. */
export function snapshotTree(root: string): TreeSnapshot {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) {
        continue;
      }
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(join(dir, entry.name), path);
      } else if (entry.isFile()) {
        files.set(path, createHash('sha256').update(readFileSync(join(dir, entry.name))).digest('hex'));
      } else if (entry.isSymbolicLink()) {
        files.set(path, 'symlink');
      }
    }
  };
  walk(root, '');
  return files;
}

/** Paths created, changed or deleted between two snapshots, sorted. */
export function diffSnapshots(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changed = new Set<string>();
  for (const [path, hash] of after) {
    if (before.get(path) !== hash) {
      changed.add(path);
    }
  }
  for (const path of before.keys()) {
    if (!after.has(path)) {
      changed.add(path);
    }
  }
  return [...changed].sort();
}
