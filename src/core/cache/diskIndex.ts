import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { atomicWrite, TEMP_SUFFIX } from './atomicWrite';
import { CachedAnswerSchema } from './types';

/** The name of the index file inside the cache folder. */
export const INDEX_FILE = 'index.json';

/** One entry file on disk: the key it answers (to reject a mismatch) and when it expires. */
export const EntryFileSchema = z.object({ key: z.string(), expiresAt: z.number(), answer: CachedAnswerSchema });
export type EntryFile = z.infer<typeof EntryFileSchema>;

const IndexEntrySchema = z.object({ size: z.number().nonnegative(), lastAccess: z.number(), expiresAt: z.number() });
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

const IndexFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), IndexEntrySchema) });

/** Parses an entry file's text; `undefined` when it is not valid JSON of the right shape. */
export function parseEntryFile(text: string): EntryFile | undefined {
  try {
    const parsed = EntryFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The in-memory index of a disk cache folder: file name → size, last access, expiry. */
export class DiskIndex {
  private constructor(readonly entries: Map<string, IndexEntry>) {}

  static empty(): DiskIndex {
    return new DiskIndex(new Map());
  }

  /** Reads the folder's index; rebuilds it from the entry files when it is missing or corrupt. */
  static async load(folder: string): Promise<DiskIndex> {
    try {
      const parsed = IndexFileSchema.safeParse(JSON.parse(await readFile(join(folder, INDEX_FILE), 'utf8')));
      if (parsed.success) {
        return new DiskIndex(new Map(Object.entries(parsed.data.entries)));
      }
    } catch {
      // Missing or unreadable: rebuilt below.
    }
    return DiskIndex.rebuild(folder);
  }

  private static async rebuild(folder: string): Promise<DiskIndex> {
    const index = DiskIndex.empty();
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return index;
    }
    for (const name of names) {
      const path = join(folder, name);
      if (name.endsWith(TEMP_SUFFIX)) {
        await rm(path, { force: true });
      } else if (name !== INDEX_FILE && name.endsWith('.json')) {
        const entry = await readEntryMeta(path);
        if (entry === undefined) {
          await rm(path, { force: true });
        } else {
          index.entries.set(name, entry);
        }
      }
    }
    return index;
  }

  totalBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) {
      total += entry.size;
    }
    return total;
  }

  /** File names in eviction order: least recently accessed first. */
  lruOrder(): string[] {
    return [...this.entries.entries()].sort((a, b) => a[1].lastAccess - b[1].lastAccess).map(([name]) => name);
  }

  async save(folder: string): Promise<void> {
    await atomicWrite(join(folder, INDEX_FILE), JSON.stringify({ version: 1, entries: Object.fromEntries(this.entries) }));
  }
}

async function readEntryMeta(path: string): Promise<IndexEntry | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const entry = parseEntryFile(text);
    return entry === undefined ? undefined : { size: info.size, lastAccess: info.mtimeMs, expiresAt: entry.expiresAt };
  } catch {
    return undefined;
  }
}
