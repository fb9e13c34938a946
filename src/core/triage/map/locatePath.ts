import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeProjectFiles, projectPath } from '../../project/nodeProjectFs';
import type { ProjectFileReader } from '../../project/projectFs';

/** What a printed location names, before source maps. */
export type LocatedPath =
  | { readonly kind: 'node' }
  | { readonly kind: 'native' }
  /** An existing file under the root (absolute path), and whether it sits in node_modules. */
  | { readonly kind: 'file'; readonly path: string; readonly dependency: boolean }
  /** A path that is not a file of this project (another folder, or missing here). */
  | { readonly kind: 'outside'; readonly dependency: boolean };

/**
 * Resolves a location as printed (POSIX or Windows path, relative path, file:// URL, `node:…`) to a
 * file of the project under `root`. Relative paths are read from the root (runners print them
 * relative to where they ran). A path that does not exist as printed — a Windows path, a CI
 * machine's checkout, a container's /app — is matched by its longest suffix (at least two
 * segments, or the whole printed path) that names a file under the root. `files` reads the
 * project (default: the folder on disk).
 */
export function locatePath(location: string, root: string, files: ProjectFileReader = createNodeProjectFiles(root)): LocatedPath {
  const isFile = (absolute: string): boolean => {
    try {
      return files.isFile(projectPath(root, absolute));
    } catch {
      // Unreadable (permissions, a name too long): not a file of this project.
      return false;
    }
  };
  if (/^node:/.test(location) || /^internal[/\\]/.test(location)) {
    return { kind: 'node' };
  }
  if (location === '' || location === '<anonymous>' || location === 'native' || /^<.*>$/.test(location) || /^(?:evalmachine|wasm:)/.test(location)) {
    return { kind: 'native' };
  }
  const path = fromUrl(location);
  const segments = path.split(/[\\/]+/).filter((s) => s !== '');
  const dependency = segments.includes('node_modules');
  const direct = isWindowsPath(path) ? undefined : isAbsolute(path) ? path : resolve(root, path);
  if (direct !== undefined && isFile(direct)) {
    return inside(root, direct) ? { kind: 'file', path: direct, dependency } : { kind: 'outside', dependency };
  }
  const maxFrom = segments.length >= 2 ? segments.length - 2 : 0;
  for (let from = isWindowsPath(path) ? 1 : 0; from <= maxFrom; from++) {
    const candidate = join(root, ...segments.slice(from));
    if (isFile(candidate)) {
      return { kind: 'file', path: candidate, dependency };
    }
  }
  return { kind: 'outside', dependency };
}

function fromUrl(location: string): string {
  if (!/^file:\/\//i.test(location)) {
    return location;
  }
  const windows = /^file:\/\/\/([A-Za-z]:\/.*)$/i.exec(location);
  if (windows) {
    return decodeURIComponent(windows[1]!);
  }
  try {
    return fileURLToPath(location);
  } catch {
    return decodeURIComponent(location.replace(/^file:\/\//i, ''));
  }
}

function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** True when `path` is `root` or below it. */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
