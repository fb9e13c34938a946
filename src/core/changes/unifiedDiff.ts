import { formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import type { ChangeSet, FileChange } from './changeSet';

/** Lines of context around each hunk, as git shows them. */
export const DIFF_CONTEXT_LINES = 3;

/** The structured patch of one change, with git-style names (`a/…`, `b/…`, `/dev/null`). */
export function changePatch(change: FileChange): StructuredPatch {
  const isNew = change.before === undefined;
  const patch = structuredPatch(
    isNew ? '/dev/null' : `a/${change.path}`,
    `b/${change.path}`,
    change.before ?? '',
    change.after,
    undefined,
    undefined,
    { context: DIFF_CONTEXT_LINES },
  );
  return isNew ? { ...patch, isGit: true, isCreate: true, newMode: '100644' } : { ...patch, isGit: true };
}

/**
 * The git-style unified diff of one change (`diff --git`, `new file mode` for new files,
 * `--- a/path` / `+++ b/path`, `/dev/null` for new files), accepted by `git apply`.
 * Empty for a change that changes nothing.
 */
export function unifiedDiff(change: FileChange): string {
  if (change.before === change.after) {
    return '';
  }
  return formatPatch(changePatch(change));
}

/** The diffs of every file of the set, in the set's order, as one patch. */
export function changeSetDiff(changeSet: ChangeSet): string {
  return changeSet.files.map(unifiedDiff).join('');
}
