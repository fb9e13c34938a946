import { dirname } from 'node:path';
import type { ChangeDiagnostic, ChangeSet } from '../changes/changeSet';
import { createNodeProjectFiles } from '../project/nodeProjectFs';
import type { ProjectFiles } from '../project/projectFs';

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

function dependencyNames(text: string | undefined): Set<string> {
  const names = new Set<string>();
  if (text === undefined) {
    return names;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    for (const section of DEPENDENCY_SECTIONS) {
      const deps: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[section] : undefined;
      if (typeof deps === 'object' && deps !== null) {
        Object.keys(deps).forEach((name) => names.add(name));
      }
    }
  } catch {
    // An unreadable package.json adds nothing we could name.
  }
  return names;
}

/** Whether `name` is installed in the root's node_modules or in one of its parents' (hoisted). */
function installed(files: ProjectFiles, root: string, name: string): boolean {
  for (let dir = root, up = ''; ; dir = dirname(dir), up += '../') {
    if (files.exists(`${up}node_modules/${name}/package.json`)) {
      return true;
    }
    if (dirname(dir) === dir) {
      return false;
    }
  }
}

/**
 * The packages that are, or will be, listed in the root package.json but not installed: those the
 * change set adds, and those an earlier accepted change added before the user ran the install.
 * `files` reads the project (default: its folder on disk).
 */
export function addedDependencies(changeSet: ChangeSet, files: ProjectFiles = createNodeProjectFiles(changeSet.root)): string[] {
  const manifest = changeSet.files.find((f) => f.path === 'package.json');
  const listed = dependencyNames(manifest?.after ?? files.read('package.json'));
  return [...listed].filter((name) => !installed(files, changeSet.root, name));
}

const MISSING_MODULE = /^Cannot find module '([^']+)'/;

/**
 * A module listed in package.json (by this change or an earlier one) but not installed yet cannot
 * resolve before the install that the review asks for: its "Cannot find module" errors (TS2307)
 * become warnings that say so, instead of blocking the change. Every other diagnostic is kept.
 * `files` reads the project (default: its folder on disk).
 */
export function deferAddedModules(changeSet: ChangeSet, files: ProjectFiles = createNodeProjectFiles(changeSet.root)): ChangeSet {
  const added = addedDependencies(changeSet, files);
  if (added.length === 0) {
    return changeSet;
  }
  const pending = (d: ChangeDiagnostic): boolean => {
    const module = d.code === 2307 ? MISSING_MODULE.exec(d.message)?.[1] : undefined;
    return module !== undefined && added.some((name) => module === name || module.startsWith(`${name}/`));
  };
  return {
    ...changeSet,
    files: changeSet.files.map((f) => (f.diagnostics === undefined ? f : {
      ...f,
      diagnostics: f.diagnostics.map((d) => (pending(d) ? { ...d, category: 'warning' as const, message: `${d.message} It is listed in package.json but not installed yet: run the install after accepting.` } : d)),
    })),
  };
}
