import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TEMP_SUFFIX } from './atomicWrite';
import { CachedAnswerSchema } from './types';

/**
 * The disk cache keeps no index: the folder itself is the truth, so several processes (VS Code
 * windows, CLI runs) can share it. Each entry is one file; its size is the file's size and its
 * last access is the file's mtime, which a hit moves forward (`touchEntry`).
 */
export const EntryFileSchema = z.object({ key: z.string(), expiresAt: z.number(), answer: CachedAnswerSchema });
export type EntryFile = z.infer<typeof EntryFileSchema>;

/** What a scan of the folder found about one entry file. */
export interface EntryInfo {
  readonly name: string;
  readonly size: number;
  /** Milliseconds; the file's mtime. */
  readonly lastAccess: number;
}

/** The index file of the format before this one; removed when found. */
const LEGACY_INDEX = 'index.json';
/** A temp file older than this belongs to a process that died mid-write; younger ones may be in flight. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** Parses an entry file's text; `undefined` when it is not valid JSON of the right shape. */
export function parseEntryFile(text: string): EntryFile | undefined {
  try {
    const parsed = EntryFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Sets an entry's last access (its mtime) to `now`. A vanished file is not an error. */
export async function touchEntry(path: string, now: number): Promise<void> {
  const seconds = now / 1000;
  try {
    await utimes(path, seconds, seconds);
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

/**
 * Lists the entry files of `folder` with their size and last access. Removes the legacy index and
 * temp files older than {@link STALE_TEMP_MS} (by the real clock: their mtime is the real write
 * time); leaves younger temp files alone, since another process may be about to rename them.
 */
export async function scanEntries(folder: string, wallClock: number = Date.now()): Promise<EntryInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isNotFound(error)) {
      return [];
    }
    throw error;
  }
  const found: EntryInfo[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (name === LEGACY_INDEX) {
      await rm(path, { force: true });
      continue;
    }
    const info = await statOrUndefined(path);
    if (info === undefined) {
      continue;
    }
    if (name.endsWith(TEMP_SUFFIX)) {
      if (wallClock - info.mtimeMs > STALE_TEMP_MS) {
        await rm(path, { force: true });
      }
    } else if (name.endsWith('.json')) {
      found.push({ name, size: info.size, lastAccess: info.mtimeMs });
    }
  }
  return found;
}

/**
 * The entries to remove so that the rest fit `maxBytes`: every entry not accessed within `ttlMs`
 * (it has certainly expired: it was written no later than its last access), then the least
 * recently accessed ones until the total fits.
 */
export function entriesToEvict(entries: readonly EntryInfo[], now: number, ttlMs: number, maxBytes: number): EntryInfo[] {
  const byAge = [...entries].sort((a, b) => a.lastAccess - b.lastAccess || a.name.localeCompare(b.name));
  let total = byAge.reduce((sum, e) => sum + e.size, 0);
  const evicted: EntryInfo[] = [];
  for (const entry of byAge) {
    if (entry.lastAccess + ttlMs > now && total <= maxBytes) {
      continue;
    }
    evicted.push(entry);
    total -= entry.size;
  }
  return evicted;
}

async function statOrUndefined(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/** True for ENOENT: another process removed the file first. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
