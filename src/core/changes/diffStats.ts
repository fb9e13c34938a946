import type { ChangeSet } from './changeSet';
import { changePatch } from './unifiedDiff';

/** Added and removed lines of one file, as `git diff --stat` counts them. */
export interface FileDiffStats {
  readonly path: string;
  readonly added: number;
  readonly removed: number;
  readonly isNew: boolean;
}

/** Per-file and total line counts of a change set (files without a change are left out). */
export interface ChangeSetDiffStats {
  readonly files: readonly FileDiffStats[];
  readonly added: number;
  readonly removed: number;
}

/** Counts the `+` and `-` lines of each file's diff. */
export function diffStats(changeSet: ChangeSet): ChangeSetDiffStats {
  const files: FileDiffStats[] = [];
  for (const change of changeSet.files) {
    if (change.before === change.after) {
      continue;
    }
    let added = 0;
    let removed = 0;
    for (const hunk of changePatch(change).hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith('+')) {
          added++;
        } else if (line.startsWith('-')) {
          removed++;
        }
      }
    }
    files.push({ path: change.path, added, removed, isNew: change.before === undefined });
  }
  return {
    files,
    added: files.reduce((sum, f) => sum + f.added, 0),
    removed: files.reduce((sum, f) => sum + f.removed, 0),
  };
}

/** "3 files changed, 42 insertions(+), 1 deletion(-)" — git's wording, for a status line. */
export function formatDiffStats(stats: ChangeSetDiffStats): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fileWord = stats.files.length === 1 ? 'file changed' : 'files changed';
  return `${stats.files.length} ${fileWord}, ${plural(stats.added, 'insertion')}(+), ${plural(stats.removed, 'deletion')}(-)`;
}
