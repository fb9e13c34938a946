import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RoutecraftError } from '../errors';
import { globLite } from './globLite';
import type { ProjectDirEntry, ProjectFs } from './projectFs';

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A {@link ProjectFs} over a real folder. */
export function createNodeProjectFs(root: string): ProjectFs {
  const resolve = (relative: string): string => path.resolve(root, ...relative.split('/'));
  const list = async (relative: string): Promise<readonly ProjectDirEntry[]> => {
    try {
      const entries = await readdir(resolve(relative), { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
    } catch (error) {
      if (isNotFound(error)) {
        return [];
      }
      throw error;
    }
  };
  return {
    async readFile(relative) {
      try {
        return await readFile(resolve(relative), 'utf8');
      } catch (error) {
        if (isNotFound(error)) {
          throw new RoutecraftError('file-not-found', `File not found: ${relative}`);
        }
        throw error;
      }
    },
    async exists(relative) {
      try {
        await stat(resolve(relative));
        return true;
      } catch (error) {
        if (isNotFound(error)) {
          return false;
        }
        throw error;
      }
    },
    readdir: list,
    glob: (pattern, options) => globLite(list, pattern, options),
  };
}
