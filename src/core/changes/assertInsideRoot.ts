import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { RoutecraftError } from '../errors';

/** Folders a change set may never write into, whatever the generator or the model asked for. */
export const PROTECTED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/**
 * Checks that `path` (relative to `root`, forward slashes) names a file inside the project that
 * Routecraft may write, and returns the absolute path to write to. Throws a RoutecraftError
 * `invalid-input`, before anything is touched, for: an empty path, a NUL byte, an absolute or drive
 * path, backslashes, `.`/`..`/empty segments, a path through node_modules or .git, and a path whose
 * existing part resolves (through symlinks) outside the root or into a protected folder.
 * Symlinks that stay inside the root are followed: the returned path is the real one.
 */
export function assertInsideRoot(root: string, path: string): string {
  checkShape(path);
  const realRoot = realpathOrThrow(root);
  const target = join(realRoot, ...path.split('/'));
  const { existing, rest } = deepestExisting(target, realRoot);
  const realExisting = realpathOr(existing, () => refuse(path, 'it goes through a broken symbolic link'));
  const resolved = rest.length === 0 ? realExisting : join(realExisting, ...rest);
  const inside = relative(realRoot, resolved);
  if (inside === '') {
    throw refuse(path, 'it resolves to the project folder itself');
  }
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw refuse(path, 'it resolves (through a symbolic link) outside the project');
  }
  if (inside.split(sep).some(isProtected)) {
    throw refuse(path, `it resolves (through a symbolic link) into ${PROTECTED_FOLDERS.join(' or ')}`);
  }
  return resolved;
}

function checkShape(path: string): void {
  if (path.length === 0) {
    throw refuse(path, 'it is empty');
  }
  if (path.includes('\0')) {
    throw refuse(path, 'it contains a NUL byte');
  }
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || isAbsolute(path)) {
    throw refuse(path, 'it is absolute; paths must be relative to the project root');
  }
  if (path.includes('\\')) {
    throw refuse(path, 'it contains a backslash; use forward slashes');
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) {
    throw refuse(path, 'it contains ".." and could leave the project');
  }
  if (segments.some((s) => s === '' || s === '.')) {
    throw refuse(path, 'it has an empty or "." segment');
  }
  if (segments.some(isProtected)) {
    throw refuse(path, `it is inside ${PROTECTED_FOLDERS.join(' or ')}`);
  }
}

function isProtected(segment: string): boolean {
  return PROTECTED_FOLDERS.includes(segment.toLowerCase());
}

/** Walks up from `target` to the first path that exists (a file, folder or symlink). */
function deepestExisting(target: string, realRoot: string): { existing: string; rest: string[] } {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    if (exists(current)) {
      return { existing: current, rest };
    }
    if (current === realRoot || dirname(current) === current) {
      return { existing: realRoot, rest };
    }
    rest.unshift(basename(current));
    current = dirname(current);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function realpathOrThrow(root: string): string {
  return realpathOr(root, () => new RoutecraftError('file-not-found', `The project folder "${root}" does not exist.`));
}

function realpathOr(path: string, error: () => RoutecraftError): string {
  try {
    return realpathSync(path);
  } catch {
    throw error();
  }
}

function refuse(path: string, reason: string): RoutecraftError {
  const shown = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  return new RoutecraftError('invalid-input', `Refusing to write ${shown}: ${reason}. Nothing was changed.`);
}
