import { resolve } from 'node:path';
import { RoutecraftError } from '../errors';
import type { ChangeSet, FileChange } from './changeSet';

/**
 * One change equal to applying `first`, then `second`, to the same file. `second` must start from
 * what `first` produces; otherwise the two were generated from different contents and cannot be
 * combined without losing one of them. Diagnostics are dropped: they described another text.
 */
export function mergeFileChanges(first: FileChange, second: FileChange): FileChange {
  if (first.path !== second.path) {
    throw new RoutecraftError('internal', `Cannot merge changes to different files ("${first.path}", "${second.path}").`);
  }
  if (second.before !== first.after) {
    throw new RoutecraftError(
      'internal',
      `Two changes to "${first.path}" do not follow each other: the second one starts from another content. Generate them one after the other.`,
    );
  }
  return { path: first.path, before: first.before, after: second.after };
}

/**
 * Combines change sets on the same root, applying them in order: the files of `first` keep their
 * order, files only in a later set follow, and a file changed by several sets gets one change
 * (see `mergeFileChanges`). Summaries are joined with "; ".
 */
export function mergeChangeSets(first: ChangeSet, ...rest: readonly ChangeSet[]): ChangeSet {
  const byPath = new Map<string, FileChange>();
  const add = (change: FileChange): void => {
    const previous = byPath.get(change.path);
    byPath.set(change.path, previous === undefined ? change : mergeFileChanges(previous, change));
  };
  for (const set of [first, ...rest]) {
    if (resolve(set.root) !== resolve(first.root)) {
      throw new RoutecraftError('internal', `Cannot merge change sets of different projects ("${first.root}", "${set.root}").`);
    }
    set.files.forEach(add);
  }
  const summary = [first, ...rest].map((set) => set.summary).filter((s) => s.length > 0).join('; ');
  return { root: first.root, files: [...byPath.values()], summary };
}
