import { readFile } from 'node:fs/promises';

/** What is at a path right now: a text file, nothing, or something that is not a file. */
export type FileState = { readonly kind: 'file'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'not-a-file' };

/** Reads `absolutePath` as UTF-8; other I/O errors (permissions, …) are thrown. */
export async function readFileState(absolutePath: string): Promise<FileState> {
  try {
    return { kind: 'file', text: await readFile(absolutePath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { kind: 'missing' };
    }
    if (code === 'EISDIR') {
      return { kind: 'not-a-file' };
    }
    throw error;
  }
}
