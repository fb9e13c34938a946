import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChangeDiagnostic, ChangeSet } from '../changes/changeSet';

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

function installed(root: string, name: string): boolean {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) {
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
 */
export function addedDependencies(changeSet: ChangeSet): string[] {
  const manifest = changeSet.files.find((f) => f.path === 'package.json');
  const path = join(changeSet.root, 'package.json');
  const listed = dependencyNames(manifest?.after ?? (existsSync(path) ? readFileSync(path, 'utf8') : undefined));
  return [...listed].filter((name) => !installed(changeSet.root, name));
}

const MISSING_MODULE = /^Cannot find module '([^']+)'/;

/**
 * A module listed in package.json (by this change or an earlier one) but not installed yet cannot
 * resolve before the install that the review asks for: its "Cannot find module" errors (TS2307)
 * become warnings that say so, instead of blocking the change. Every other diagnostic is kept.
 */
export function deferAddedModules(changeSet: ChangeSet): ChangeSet {
  const added = addedDependencies(changeSet);
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
