import { randomBytes } from 'node:crypto';
import { chmod, constants, copyFile, link, mkdir, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { atomicWrite } from '../cache/atomicWrite';
import type { FileChange } from './changeSet';

/** A change whose new content waits in a temporary file beside its target. */
export interface StagedWrite {
  readonly change: FileChange;
  readonly target: string;
  readonly temp: string;
  /** Folders created for this file, outermost first. */
  readonly createdDirs: readonly string[];
}

/**
 * Creates the missing parent folders of `target` and writes `change.after` to a new temporary file
 * in the same folder (so the final rename never crosses file systems), keeping the mode of the
 * file it will replace.
 */
export async function stageWrite(change: FileChange, target: string): Promise<StagedWrite> {
  const createdDirs = await makeParents(dirname(target));
  const temp = `${target}.routecraft-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, change.after, { encoding: 'utf8', flag: 'wx' });
    if (change.before !== undefined) {
      await chmod(temp, (await stat(target)).mode & 0o7777);
    }
  } catch (error) {
    await rm(temp, { force: true });
    await removeDirs(createdDirs);
    throw error;
  }
  return { change, target, temp, createdDirs };
}

/**
 * Moves the staged content into place: a rename over an existing file; for a new file, a hard
 * link that fails if something appeared at the path meanwhile (never clobbering it), falling back
 * to an exclusive copy on file systems without hard links.
 */
export async function commitWrite(staged: StagedWrite): Promise<void> {
  if (staged.change.before !== undefined) {
    await rename(staged.temp, staged.target);
    return;
  }
  try {
    await link(staged.temp, staged.target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw error;
    }
    await copyFile(staged.temp, staged.target, constants.COPYFILE_EXCL);
  }
  await unlink(staged.temp);
}

/** Puts a committed file back as it was: restores `before`, or deletes a file that was new. */
export async function revertWrite(staged: StagedWrite): Promise<void> {
  if (staged.change.before === undefined) {
    await rm(staged.target, { force: true });
  } else {
    await atomicWrite(staged.target, staged.change.before);
  }
}

/** Deletes a temporary file that was never committed. */
export async function discardStaged(staged: StagedWrite): Promise<void> {
  await rm(staged.temp, { force: true });
}

/** Removes folders this apply created, innermost first, leaving any that are no longer empty. */
export async function removeDirs(dirs: readonly string[]): Promise<void> {
  for (const dir of [...dirs].reverse()) {
    try {
      await rmdir(dir);
    } catch {
      // Not empty (someone else wrote there) or already gone: leave it.
    }
  }
}

async function makeParents(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) {
    return [];
  }
  const created = [dir];
  for (let current = dir; current !== first && dirname(current) !== current; ) {
    current = dirname(current);
    created.unshift(current);
  }
  return created;
}
