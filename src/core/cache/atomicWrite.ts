import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Suffix of the temporary files `atomicWrite` leaves behind only when a process dies mid-write. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Writes `text` to `path` so that readers see the old content or the new one, never a torn file:
 * the text goes to a unique temporary file beside it, which is then renamed over `path`.
 */
export async function atomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
