import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { truncate } from '../llm/redact';
import type { CachedAnswer, CacheStats, ResponseCache } from './types';

/** After a failure, the primary is tried again after this long (one attempt, no loop). */
export const DEFAULT_PRIMARY_RETRY_MS = 60_000;

export interface LayeredCacheOptions {
  /** The shared store (Redis); may reject when unreachable. */
  readonly primary: ResponseCache;
  /** The embedded store (disk) that answers while the primary cannot. */
  readonly fallback: ResponseCache;
  /** How the primary is named in messages (e.g. `redis://cache.internal:6379`, no password). */
  readonly primaryLabel: string;
  /** Told once per session, in words for a person, that the fallback is in use. */
  readonly onNotice?: (message: string) => void;
  readonly logger?: Logger;
  readonly retryAfterMs?: number;
  readonly now?: () => number;
}

/**
 * Redis when it works, disk when it does not — and a cache that never fails a command.
 * While the primary is healthy it alone is read and written: answers from Redis are not copied
 * to disk (the disk is a stand-in, not a mirror; copying would keep answers a team has cleared).
 * The first failure switches to the fallback and says so once through `onNotice` (and the
 * logger); the primary is retried after `retryAfterMs`. Fallback failures are misses.
 */
export class LayeredResponseCache implements ResponseCache {
  private readonly logger: Logger;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private downSince: number | undefined;
  private noticed = false;

  constructor(private readonly options: LayeredCacheOptions) {
    this.logger = options.logger ?? silentLogger;
    this.retryAfterMs = options.retryAfterMs ?? DEFAULT_PRIMARY_RETRY_MS;
    this.now = options.now ?? Date.now;
  }

  /** True while the fallback answers in place of the primary. */
  get degraded(): boolean {
    return this.downSince !== undefined;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    if (this.primaryUsable()) {
      try {
        const answer = await this.options.primary.get(key);
        this.recovered();
        return answer;
      } catch (error) {
        this.primaryFailed(error);
      }
    }
    try {
      return await this.options.fallback.get(key);
    } catch (error) {
      this.logger.warn(`Response cache: fallback read failed: ${messageOf(error)}`);
      return undefined;
    }
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    if (this.primaryUsable()) {
      try {
        await this.options.primary.set(key, value);
        this.recovered();
        return;
      } catch (error) {
        this.primaryFailed(error);
      }
    }
    try {
      await this.options.fallback.set(key, value);
    } catch (error) {
      this.logger.warn(`Response cache: fallback write failed: ${messageOf(error)}`);
    }
  }

  /** Clears both stores; a primary that cannot be reached is reported, not thrown. */
  async clear(): Promise<void> {
    try {
      await this.options.primary.clear();
    } catch (error) {
      this.primaryFailed(error);
    }
    try {
      await this.options.fallback.clear();
    } catch (error) {
      this.logger.warn(`Response cache: clearing the fallback failed: ${messageOf(error)}`);
    }
  }

  /** Counters of both stores added up; sizes are the fallback's (the only one that knows). */
  stats(): CacheStats {
    const p = this.options.primary.stats();
    const f = this.options.fallback.stats();
    return {
      backend: 'layered',
      hits: p.hits + f.hits,
      misses: p.misses + f.misses,
      writes: p.writes + f.writes,
      evictions: p.evictions + f.evictions,
      errors: p.errors + f.errors,
      ...(f.entries === undefined ? {} : { entries: f.entries }),
      ...(f.bytes === undefined ? {} : { bytes: f.bytes }),
      degraded: this.degraded,
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.options.primary.close(), this.options.fallback.close()]);
  }

  private primaryUsable(): boolean {
    return this.downSince === undefined || this.now() - this.downSince >= this.retryAfterMs;
  }

  private primaryFailed(error: unknown): void {
    const wasDown = this.downSince !== undefined;
    this.downSince = this.now();
    const reason = messageOf(error);
    if (!this.noticed) {
      this.noticed = true;
      const message = `Shared response cache ${this.options.primaryLabel} is unavailable (${reason}); using the local disk cache instead.`;
      this.logger.warn(message);
      this.options.onNotice?.(message);
    } else if (!wasDown) {
      this.logger.warn(`Shared response cache ${this.options.primaryLabel} failed again (${reason}); using the local disk cache.`);
    }
  }

  private recovered(): void {
    if (this.downSince !== undefined) {
      this.downSince = undefined;
      this.logger.info(`Shared response cache ${this.options.primaryLabel} is reachable again.`);
    }
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return truncate(text.replace(/\s+/g, ' ').trim(), 200);
}
