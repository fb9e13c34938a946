import { sha256Hex } from '../util/sha256';
import { assertInsideRoot } from './assertInsideRoot';
import { readFileState, type FileState } from './readFileState';

/** Reads what is at an absolute path now; an editor passes one that prefers its unsaved buffers. */
export type FileStateReader = (absolutePath: string) => Promise<FileState>;

/** Marks a path that held no file when the baseline was taken. */
export const ABSENT = 'absent';
/** Marks a path that held a folder (or another non-file) when the baseline was taken. */
export const NOT_A_FILE = 'not-a-file';

/**
 * The files a generation started from, by content hash (sha256 hex, or `ABSENT` / `NOT_A_FILE`),
 * keyed by the same relative paths a ChangeSet uses.
 */
export interface Baseline {
  readonly root: string;
  readonly hashes: ReadonlyMap<string, string>;
}

/**
 * Records what `paths` hold now, before the model is asked anything, so that `findStaleFiles`
 * can tell later whether the user edited one of them while the answer was being generated.
 * Include the files the generator reads for context, not only the ones it will change.
 */
export async function captureBaseline(root: string, paths: Iterable<string>): Promise<Baseline> {
  const hashes = new Map<string, string>();
  for (const path of paths) {
    hashes.set(path, await currentHash(root, path));
  }
  return { root, hashes };
}

/** The hash `captureBaseline` would record for `path` now (read through `read`, the disk by default). */
export async function currentHash(root: string, path: string, read: FileStateReader = readFileState): Promise<string> {
  const state = await read(assertInsideRoot(root, path));
  if (state.kind === 'missing') {
    return ABSENT;
  }
  return state.kind === 'file' ? sha256Hex(state.text) : NOT_A_FILE;
}

/** The hash of a change's `before` (what the generator assumed the file held). */
export function hashOfBefore(before: string | undefined): string {
  return before === undefined ? ABSENT : sha256Hex(before);
}
