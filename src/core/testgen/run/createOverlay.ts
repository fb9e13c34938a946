import { copyFile, lstat, mkdir, mkdtemp, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { assertInsideRoot } from '../../changes/assertInsideRoot';
import { RoutecraftError } from '../../errors';

/** A temporary copy of a project in which candidate files can be written and run. */
export interface Overlay {
  /** The temporary folder (absolute); run commands here. */
  readonly root: string;
  /** The user's project it was copied from; never written to. */
  readonly sourceRoot: string;
  /** How many files were copied (the extra files not counted). */
  readonly copiedFiles: number;
  /** Root-relative paths left out because they were larger than `maxFileBytes`. */
  readonly skippedLarge: readonly string[];
  /** Removes the temporary folder; safe to call twice. */
  dispose(): Promise<void>;
}

export interface OverlayOptions {
  /** Root-relative POSIX path → text, written into the copy after it is made. */
  readonly extraFiles?: Readonly<Record<string, string>>;
  /** Default 1 MB: larger files are not copied (generated data, bundles). */
  readonly maxFileBytes?: number;
  /** Default 20,000: past it the copy stops with an error rather than filling the disk. */
  readonly maxFiles?: number;
}

/** Folders never copied: dependencies, VCS, build and coverage output. */
export const OVERLAY_SKIPPED_DIRS: readonly string[] = ['.git', 'dist', 'coverage', 'out', '.nyc_output', '.turbo', '.next'];
/** Entries of node_modules that runners write to (caches, bundled configs): created fresh in the overlay. */
const NODE_MODULES_WRITABLE: readonly string[] = ['.vite', '.vite-temp', '.cache'];

interface CopyState {
  readonly source: string;
  readonly target: string;
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  copied: number;
  readonly skippedLarge: string[];
}

/**
 * node_modules becomes a real folder whose entries link to the project's packages, so that
 * resolution works as in the project while caches that runners write there stay in the overlay.
 */
async function linkNodeModules(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from);
  await Promise.all(
    entries
      .filter((name) => !NODE_MODULES_WRITABLE.includes(name))
      .map((name) => symlink(join(from, name), join(to, name), 'junction')),
  );
}

async function copyLink(state: CopyState, from: string, to: string): Promise<void> {
  const target = await readlink(from);
  const absolute = isAbsolute(target) ? target : resolve(dirname(from), target);
  const inside = relative(state.source, absolute);
  const keepRelative = !isAbsolute(target) && !inside.startsWith('..') && !isAbsolute(inside);
  await symlink(keepRelative ? target : absolute, to);
}

async function copyTree(state: CopyState, relDir: string): Promise<void> {
  const entries = await readdir(join(state.source, relDir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    const from = join(state.source, rel);
    const to = join(state.target, rel);
    if (entry.name === 'node_modules') {
      await linkNodeModules(from, to);
    } else if (entry.isSymbolicLink()) {
      await copyLink(state, from, to);
    } else if (entry.isDirectory()) {
      if (!OVERLAY_SKIPPED_DIRS.includes(entry.name)) {
        await mkdir(to);
        await copyTree(state, rel);
      }
    } else if (entry.isFile()) {
      files.push(rel);
    }
  }
  await copyFiles(state, files);
}

async function copyFiles(state: CopyState, files: readonly string[]): Promise<void> {
  const batch = 32;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(files.slice(start, start + batch).map((rel) => copyOne(state, rel)));
  }
}

async function copyOne(state: CopyState, rel: string): Promise<void> {
  const from = join(state.source, rel);
  const { size } = await lstat(from);
  if (size > state.maxFileBytes) {
    state.skippedLarge.push(rel);
    return;
  }
  state.copied += 1;
  if (state.copied > state.maxFiles) {
    throw new RoutecraftError(
      'invalid-input',
      `The project has more than ${state.maxFiles} files outside node_modules, .git and build folders; tests were not run in a copy of it.`,
    );
  }
  await copyFile(from, join(state.target, rel));
}

/**
 * Copies the project's sources and configuration into a fresh temporary folder, links its
 * dependencies, and writes `extraFiles` there. The user's project is only read.
 * Throws a RoutecraftError when the project is too large or an extra path leaves the copy.
 */
export async function createOverlay(root: string, options: OverlayOptions = {}): Promise<Overlay> {
  const source = resolve(root);
  const target = await mkdtemp(join(tmpdir(), 'routecraft-overlay-'));
  const state: CopyState = {
    source,
    target,
    maxFileBytes: options.maxFileBytes ?? 1024 * 1024,
    maxFiles: options.maxFiles ?? 20_000,
    copied: 0,
    skippedLarge: [],
  };
  let disposed = false;
  const dispose = async (): Promise<void> => {
    if (!disposed) {
      disposed = true;
      await rm(target, { recursive: true, force: true });
    }
  };
  try {
    await copyTree(state, '');
    for (const [path, text] of Object.entries(options.extraFiles ?? {})) {
      const full = assertInsideRoot(target, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { root: target, sourceRoot: source, copiedFiles: state.copied, skippedLarge: state.skippedLarge, dispose };
}
