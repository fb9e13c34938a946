import { stat } from 'node:fs/promises';
import path from 'node:path';
import { globLite } from '../project/globLite';
import type { ProjectFs } from '../project/projectFs';

/** What a path looked like when detection read it. */
interface Observation {
  readonly kind: 'file' | 'dir' | 'missing';
  readonly mtimeMs: number;
  readonly size: number;
}

/** The paths detection read (absolute), with what each looked like before it was read. */
export type Observations = ReadonlyMap<string, Observation>;

async function observe(absolute: string): Promise<Observation> {
  try {
    const s = await stat(absolute);
    return { kind: s.isDirectory() ? 'dir' : 'file', mtimeMs: s.mtimeMs, size: s.isDirectory() ? 0 : s.size };
  } catch {
    return { kind: 'missing', mtimeMs: 0, size: 0 };
  }
}

/**
 * Wraps a ProjectFs over `root` and notes every file, directory and missing path it touches
 * (stat'ed before the read, so an edit racing the read shows up later as a change). A directory's
 * mtime moves when an entry is added, removed or renamed, so listings are covered too.
 */
export function recordingProjectFs(inner: ProjectFs, root: string): { readonly fs: ProjectFs; readonly observations: Observations } {
  const observations = new Map<string, Observation>();
  const note = async (relative: string): Promise<void> => {
    const absolute = path.resolve(root, ...relative.split('/'));
    if (!observations.has(absolute)) {
      observations.set(absolute, await observe(absolute));
    }
  };
  const readdir: ProjectFs['readdir'] = async (relative) => {
    await note(relative);
    return inner.readdir(relative);
  };
  const fs: ProjectFs = {
    async readFile(relative) {
      await note(relative);
      return inner.readFile(relative);
    },
    async exists(relative) {
      await note(relative);
      return inner.exists(relative);
    },
    readdir,
    glob: (pattern, options) => globLite(readdir, pattern, options),
  };
  return { fs, observations };
}

/** Whether every observed path still looks the same (kind, mtime, size). */
export async function stillTheSame(observations: Observations): Promise<boolean> {
  const now = await Promise.all([...observations].map(async ([absolute, before]) => ({ before, after: await observe(absolute) })));
  return now.every(({ before, after }) => before.kind === after.kind && before.mtimeMs === after.mtimeMs && before.size === after.size);
}
