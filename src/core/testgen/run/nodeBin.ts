import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeProjectFiles } from '../../project/nodeProjectFs';

/**
 * The Node executable for child processes: this process's own, except inside an Electron host
 * (VS Code), whose executable is not Node; there the `node` on PATH.
 */
export function nodeExecutable(): string {
  return process.versions.electron === undefined ? process.execPath : 'node';
}

/**
 * The JavaScript file behind a package's binary in the project's own node_modules (never a global
 * one), found through the package's `bin` field; undefined when the package is not installed.
 */
export function resolveBin(root: string, packageName: string, binName: string = packageName): string | undefined {
  const packageDir = join(root, 'node_modules', ...packageName.split('/'));
  const text = createNodeProjectFiles(root).read(`node_modules/${packageName}/package.json`);
  if (text === undefined) {
    return undefined;
  }
  const manifest: unknown = JSON.parse(text);
  if (typeof manifest !== 'object' || manifest === null || !('bin' in manifest)) {
    return undefined;
  }
  const bin: unknown = manifest.bin;
  const relative = typeof bin === 'string' ? bin : typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)[binName] : undefined;
  return typeof relative === 'string' ? join(packageDir, relative) : undefined;
}

/** True when the package is installed in the project's node_modules. */
export function hasPackage(root: string, packageName: string): boolean {
  return createNodeProjectFiles(root).exists(`node_modules/${packageName}/package.json`);
}

/**
 * Reads a file the runner wrote (a report in a temporary folder, not a project file), or undefined
 * when it did not write it.
 */
export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
