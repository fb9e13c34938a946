import { RoutecraftError } from '../errors';
import { assertInsideRoot } from './assertInsideRoot';
import type { Baseline } from './captureBaseline';
import type { ChangeSet, FileChange } from './changeSet';
import { dropNoOpChanges } from './dropNoOpChanges';
import { ApplyChangeSetError } from './applyChangeSetError';
import { findStaleFiles } from './findStaleFiles';
import { StaleFilesError } from './staleFilesError';
import { commitWrite, discardStaged, removeDirs, revertWrite, stageWrite, type StagedWrite } from './stagedWrite';

/** How `applyChangeSet` guards the user's files. */
export interface ApplyOptions {
  /** Refuse (StaleFilesError) when a file changed since generation; default true. */
  readonly checkStale?: boolean;
  /** Files read when generation started (see `captureBaseline`); checked along with `before`. */
  readonly baseline?: Baseline;
}

/**
 * Writes every file of the change set, or none. Each path is checked with `assertInsideRoot` and
 * staleness is checked before anything is touched and again right before the files are moved into
 * place. New content goes to a temporary file beside each target (missing folders are created),
 * then each is renamed over its target; if any step fails, the files already written are restored
 * (new ones deleted, created folders removed) and an ApplyChangeSetError names the failing file.
 * No-op changes are skipped. Returns the relative paths written, in the set's order.
 */
export async function applyChangeSet(changeSet: ChangeSet, options: ApplyOptions = {}): Promise<readonly string[]> {
  const files = dropNoOpChanges(changeSet).files;
  assertUniquePaths(files);
  const targets = files.map((change) => ({ change, target: assertInsideRoot(changeSet.root, change.path) }));
  const checkStale = options.checkStale ?? true;
  const throwIfStale = async (): Promise<void> => {
    const stale = checkStale ? await findStaleFiles(changeSet.root, { ...changeSet, files }, options.baseline) : [];
    if (stale.length > 0) {
      throw new StaleFilesError(stale);
    }
  };
  await throwIfStale();

  const staged: StagedWrite[] = [];
  const undoStaging = async (): Promise<void> => {
    for (const write of staged) {
      await discardStaged(write);
    }
    await removeDirs(staged.flatMap((write) => write.createdDirs));
  };
  for (const { change, target } of targets) {
    try {
      staged.push(await stageWrite(change, target));
    } catch (error) {
      await undoStaging();
      throw new ApplyChangeSetError(change.path, error, []);
    }
  }
  try {
    await throwIfStale();
  } catch (error) {
    await undoStaging();
    throw error;
  }

  const committed: StagedWrite[] = [];
  for (const write of staged) {
    try {
      await commitWrite(write);
      committed.push(write);
    } catch (error) {
      const rollbackFailures = await revertAll(committed);
      await undoStaging();
      throw new ApplyChangeSetError(write.change.path, error, rollbackFailures);
    }
  }
  return committed.map((write) => write.change.path);
}

async function revertAll(committed: readonly StagedWrite[]): Promise<string[]> {
  const failures: string[] = [];
  for (const write of [...committed].reverse()) {
    try {
      await revertWrite(write);
    } catch {
      failures.push(write.change.path);
    }
  }
  return failures;
}

function assertUniquePaths(files: readonly FileChange[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (seen.has(path)) {
      throw new RoutecraftError('internal', `The change set changes "${path}" twice; merge the changes first (mergeChangeSets).`);
    }
    seen.add(path);
  }
}
