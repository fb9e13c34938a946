import type { ChangeSet } from './changeSet';
import { ABSENT, currentHash, hashOfBefore, type Baseline, type FileStateReader } from './captureBaseline';

/** How a file differs from what the generation started from. */
export type StaleReason = 'modified' | 'deleted' | 'created';

/** A file that changed on disk since generation started; applying over it would lose an edit. */
export interface StaleFile {
  readonly path: string;
  readonly reason: StaleReason;
}

/**
 * The files whose content on disk is no longer what the change set was generated from: a changed
 * file whose content differs from its `before` (the user edited or deleted it meanwhile), a new file
 * whose path is now taken, and any baseline file (context read by the generator) that changed
 * since `captureBaseline`. An empty answer means applying is safe. `read` says what a path holds
 * now: the disk by default; the editor passes a reader that sees unsaved buffers, so an edit the user
 * has not saved counts too.
 */
export async function findStaleFiles(root: string, changeSet: ChangeSet, baseline?: Baseline, read?: FileStateReader): Promise<readonly StaleFile[]> {
  const stale: StaleFile[] = [];
  const expected = new Map<string, string[]>();
  const expect = (path: string, hash: string): void => {
    expected.set(path, [...(expected.get(path) ?? []), hash]);
  };
  for (const change of changeSet.files) {
    expect(change.path, hashOfBefore(change.before));
  }
  for (const [path, hash] of baseline?.hashes ?? []) {
    expect(path, hash);
  }
  for (const [path, hashes] of expected) {
    const now = await currentHash(root, path, read);
    const mismatch = hashes.find((hash) => hash !== now);
    if (mismatch !== undefined) {
      stale.push({ path, reason: staleReason(mismatch, now) });
    }
  }
  return stale;
}

function staleReason(expected: string, now: string): StaleReason {
  if (now === ABSENT) {
    return 'deleted';
  }
  return expected === ABSENT ? 'created' : 'modified';
}
