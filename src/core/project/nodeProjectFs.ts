import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RoutecraftError } from '../errors';
import { globLite } from './globLite';
import type { ProjectDirEntry, ProjectFileReader, ProjectFs } from './projectFs';

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isDirectory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EISDIR';
}

/** Root-relative POSIX paths (`..` allowed) → absolute paths under `root`. */
function resolver(root: string): (relative: string) => string {
  return (relative) => path.resolve(root, ...relative.split('/'));
}

/**
 * `absolute` as a path relative to `root`, `/`-separated, for the readers of this module (an
 * absolute path outside the root becomes `../…`).
 */
export function projectPath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** A {@link ProjectFs} over a real folder. */
export function createNodeProjectFs(root: string): ProjectFs {
  const resolve = resolver(root);
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

/**
 * The synchronous {@link ProjectFileReader} over a real folder: the one place besides
 * {@link createNodeProjectFs} where core reads a project's files from disk.
 */
export function createNodeProjectFiles(root: string): ProjectFileReader {
  const resolve = resolver(root);
  return {
    read(relative) {
      try {
        return readFileSync(resolve(relative), 'utf8');
      } catch (error) {
        if (isNotFound(error) || isDirectory(error)) {
          return undefined;
        }
        throw error;
      }
    },
    exists: (relative) => existsSync(resolve(relative)),
    isFile(relative) {
      try {
        return statSync(resolve(relative)).isFile();
      } catch (error) {
        if (isNotFound(error)) {
          return false;
        }
        throw error;
      }
    },
    list(relative) {
      try {
        return readdirSync(resolve(relative), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
      } catch {
        // Unreadable (missing, not a folder, no permission): nothing to learn from it.
        return [];
      }
    },
  };
}
