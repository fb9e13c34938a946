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

/** The packages the change set adds to the root package.json. */
export function addedDependencies(changeSet: ChangeSet): string[] {
  const manifest = changeSet.files.find((f) => f.path === 'package.json');
  if (manifest === undefined) {
    return [];
  }
  const before = dependencyNames(manifest.before);
  return [...dependencyNames(manifest.after)].filter((name) => !before.has(name));
}

const MISSING_MODULE = /^Cannot find module '([^']+)'/;

/**
 * A module the change set itself adds to package.json cannot resolve before the install that the
 * review asks for: its "Cannot find module" errors (TS2307) become warnings that say so, instead of
 * blocking the change. Every other diagnostic is kept as it is.
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
      diagnostics: f.diagnostics.map((d) => (pending(d) ? { ...d, category: 'warning' as const, message: `${d.message} It is added to package.json: install it after accepting.` } : d)),
    })),
  };
}
