import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { atomicWrite } from './atomicWrite';
import { entriesToEvict, isNotFound, parseEntryFile, scanEntries, touchEntry, type EntryInfo } from './diskEntries';
import { sha256Hex } from '../util/sha256';
import { newCounters, type CachedAnswer, type CacheStats, type ResponseCache } from './types';

/** The sub-folder the disk cache owns; the version changes when the file format does. */
export const DISK_CACHE_FOLDER = 'responses-v1';
export const DEFAULT_DISK_CACHE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
 * The embedded default cache: one JSON file per entry (written atomically) under
 * `<dir>/responses-v1`, and no index — the folder is the truth. Size, last access (the file's
 * mtime, moved forward on every hit) and expiry (inside the file) are read from the files, so
 * several processes (VS Code windows, CLI runs) share the folder safely: every write rescans it
 * and enforces the size cap over every process's entries, and temp files another process is
 * about to rename are left alone. Never rejects: a corrupt or unreadable entry is a miss (and is
 * removed), a failed write is skipped and logged.
 */
export class DiskResponseCache implements ResponseCache {
  readonly folder: string;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly counters = newCounters();
  /** What the last scan found, kept current by this process's own changes; for `stats()`. */
  private known: Map<string, EntryInfo> | undefined;
  private firstScan: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: DiskCacheOptions) {
    this.folder = join(options.dir, DISK_CACHE_FOLDER);
    this.maxBytes = options.maxBytes ?? DEFAULT_DISK_CACHE_BYTES;
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    await this.scanOnce();
    const name = fileName(key);
    const path = join(this.folder, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) {
        this.fail('read', error);
      }
      this.known?.delete(name);
      this.counters.misses++;
      return undefined;
    }
    const entry = parseEntryFile(text);
    if (entry === undefined || entry.key !== key) {
      this.logger.warn(`Response cache: removed a corrupt entry (${name}).`);
      await this.forget(name);
      this.counters.misses++;
      return undefined;
    }
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.counters.evictions++;
      await this.forget(name);
      this.counters.misses++;
      return undefined;
    }
    try {
      await touchEntry(path, now);
    } catch (error) {
      this.fail('touch', error);
    }
    this.known?.set(name, { name, size: Buffer.byteLength(text), lastAccess: now });
    this.counters.hits++;
    return entry.answer;
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    await this.exclusive('write', async () => {
      const now = this.now();
      const name = fileName(key);
      const text = JSON.stringify({ key, expiresAt: now + this.ttlMs, answer: value });
      if (Buffer.byteLength(text) > this.maxBytes) {
        return;
      }
      await mkdir(this.folder, { recursive: true });
      const path = join(this.folder, name);
      await atomicWrite(path, text);
      await touchEntry(path, now);
      this.counters.writes++;
      await this.evict(now);
    });
  }

  async clear(): Promise<void> {
    await this.exclusive('clear', async () => {
      await rm(this.folder, { recursive: true, force: true });
      this.known = new Map();
    });
  }

  stats(): CacheStats {
    return { backend: 'disk', ...this.counters, ...this.sizes() };
  }

  /** Nothing is pending: every change is on disk when its call resolves. */
  async flush(): Promise<void> {
    await this.queue;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private sizes(): { entries?: number; bytes?: number } {
    if (this.known === undefined) {
      return {};
    }
    let bytes = 0;
    for (const entry of this.known.values()) {
      bytes += entry.size;
    }
    return { entries: this.known.size, bytes };
  }

  /** The first use reads the folder, so `stats()` knows what other processes left there. */
  private scanOnce(): Promise<void> {
    this.firstScan ??= this.exclusive('scan', async () => {
      if (this.known === undefined) {
        await this.rescan();
      }
    });
    return this.firstScan;
  }

  private async rescan(): Promise<EntryInfo[]> {
    const entries = await scanEntries(this.folder);
    this.known = new Map(entries.map((e) => [e.name, e]));
    return entries;
  }

  /** Rescans the folder (every process's entries) and removes expired, then least recently used entries past the cap. */
  private async evict(now: number): Promise<void> {
    const entries = await this.rescan();
    for (const entry of entriesToEvict(entries, now, this.ttlMs, this.maxBytes)) {
      await rm(join(this.folder, entry.name), { force: true });
      this.known?.delete(entry.name);
      this.counters.evictions++;
    }
  }

  private async forget(name: string): Promise<void> {
    await this.exclusive('remove', async () => {
      await rm(join(this.folder, name), { force: true });
      this.known?.delete(name);
    });
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
