import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../llm/types';
import { silentLogger } from '../llm/types';
import { atomicWrite } from './atomicWrite';
import { DiskIndex, parseEntryFile } from './diskIndex';
import { sha256Hex } from './sha256';
import { newCounters, type CachedAnswer, type CacheStats, type ResponseCache } from './types';

/** The sub-folder the disk cache owns; the version changes when the file format does. */
export const DISK_CACHE_FOLDER = 'responses-v1';
export const DEFAULT_DISK_CACHE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Delay before access times of hits are written to the index (hits never wait for it). */
const INDEX_FLUSH_DELAY_MS = 200;

export interface DiskCacheOptions {
  /** A directory the cache may use (e.g. the extension's global storage); entries go in a sub-folder. */
  readonly dir: string;
  /** Size cap of all entry files together; least recently used entries go first. */
  readonly maxBytes?: number;
  /** Age after which an entry is a miss and is removed. */
  readonly ttlMs?: number;
  readonly logger?: Logger;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * The embedded default cache: one JSON file per entry (written atomically) plus an index with
 * sizes, access times and expiry, under `<dir>/responses-v1`. Survives restarts. Never rejects:
 * a corrupt or unreadable entry is a miss (and is removed), a failed write is skipped and logged.
 * Writes are serialized within a process; several processes may share the folder (each file is
 * whole at all times; the size cap is then enforced by whichever process writes last).
 */
export class DiskResponseCache implements ResponseCache {
  readonly folder: string;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly counters = newCounters();
  private index: Promise<DiskIndex> | undefined;
  /** The loaded index, for the synchronous `stats()`. */
  private lastIndex: DiskIndex | undefined;
  private queue: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(options: DiskCacheOptions) {
    this.folder = join(options.dir, DISK_CACHE_FOLDER);
    this.maxBytes = options.maxBytes ?? DEFAULT_DISK_CACHE_BYTES;
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const name = fileName(key);
    let text: string;
    try {
      text = await readFile(join(this.folder, name), 'utf8');
    } catch (error) {
      if (!isNotFound(error)) {
        this.fail('read', error);
      }
      await this.forget(name, false);
      this.counters.misses++;
      return undefined;
    }
    const entry = parseEntryFile(text);
    if (entry === undefined || entry.key !== key) {
      this.logger.warn(`Response cache: removed a corrupt entry (${name}).`);
      await this.forget(name, true);
      this.counters.misses++;
      return undefined;
    }
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.counters.evictions++;
      await this.forget(name, true);
      this.counters.misses++;
      return undefined;
    }
    const index = await this.loadIndex();
    index.entries.set(name, { size: Buffer.byteLength(text), lastAccess: now, expiresAt: entry.expiresAt });
    this.scheduleFlush();
    this.counters.hits++;
    return entry.answer;
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    await this.exclusive('write', async () => {
      const now = this.now();
      const name = fileName(key);
      const expiresAt = now + this.ttlMs;
      const text = JSON.stringify({ key, expiresAt, answer: value });
      const size = Buffer.byteLength(text);
      if (size > this.maxBytes) {
        return;
      }
      const index = await this.loadIndex();
      await mkdir(this.folder, { recursive: true });
      await atomicWrite(join(this.folder, name), text);
      index.entries.set(name, { size, lastAccess: now, expiresAt });
      this.counters.writes++;
      await this.evict(index, now);
      await this.saveIndex(index);
    });
  }

  async clear(): Promise<void> {
    await this.exclusive('clear', async () => {
      await rm(this.folder, { recursive: true, force: true });
      this.lastIndex = DiskIndex.empty();
      this.index = Promise.resolve(this.lastIndex);
      this.dirty = false;
    });
  }

  stats(): CacheStats {
    return { backend: 'disk', ...this.counters, ...this.sizes() };
  }

  /** Writes pending access times to the index. */
  async flush(): Promise<void> {
    this.cancelFlushTimer();
    await this.exclusive('write index', async () => {
      if (this.dirty) {
        await this.saveIndex(await this.loadIndex());
      }
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private sizes(): { entries?: number; bytes?: number } {
    const index = this.lastIndex;
    return index === undefined ? {} : { entries: index.entries.size, bytes: index.totalBytes() };
  }

  private loadIndex(): Promise<DiskIndex> {
    this.index ??= DiskIndex.load(this.folder).then((index) => {
      this.lastIndex = index;
      return index;
    });
    return this.index;
  }

  private async saveIndex(index: DiskIndex): Promise<void> {
    this.dirty = false;
    this.lastIndex = index;
    await mkdir(this.folder, { recursive: true });
    await index.save(this.folder);
  }

  /** Removes expired entries, then least recently used ones until the folder fits the cap. */
  private async evict(index: DiskIndex, now: number): Promise<void> {
    let total = index.totalBytes();
    for (const name of index.lruOrder()) {
      const entry = index.entries.get(name)!;
      if (entry.expiresAt > now && total <= this.maxBytes) {
        continue;
      }
      await rm(join(this.folder, name), { force: true });
      index.entries.delete(name);
      total -= entry.size;
      this.counters.evictions++;
    }
  }

  private async forget(name: string, removeFile: boolean): Promise<void> {
    await this.exclusive('remove', async () => {
      const index = await this.loadIndex();
      if (removeFile) {
        await rm(join(this.folder, name), { force: true });
      }
      if (index.entries.delete(name)) {
        await this.saveIndex(index);
      }
    });
  }

  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.flush();
      }, INDEX_FLUSH_DELAY_MS);
      this.flushTimer.unref();
    }
  }

  private cancelFlushTimer(): void {
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
  }

  /** Runs `task` after every earlier one; a failure is logged and counted, never rethrown. */
  private exclusive(what: string, task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => this.fail(what, error));
    this.queue = run;
    return run;
  }

  private fail(what: string, error: unknown): void {
    this.counters.errors++;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Response cache (disk): ${what} failed: ${message}`);
  }
}

/** Keys from `cacheKey()` are hex already; anything else is hashed so it is a safe file name. */
function fileName(key: string): string {
  return `${/^[0-9a-f]{64}$/.test(key) ? key : sha256Hex(key)}.json`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
