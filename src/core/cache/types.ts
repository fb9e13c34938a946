import { z } from 'zod';

/** What a cache keeps of an answer: enough to replay it, nothing secret. */
export const CachedAnswerSchema = z.object({
  text: z.string(),
  model: z.string(),
  usage: z.object({ promptTokens: z.number().int().nonnegative(), completionTokens: z.number().int().nonnegative() }).optional(),
  finishReason: z.string().optional(),
  /** The request id of the call that produced the answer. */
  requestId: z.string().optional(),
  /** Epoch milliseconds when the answer was stored. */
  storedAt: z.number(),
});
export type CachedAnswer = z.infer<typeof CachedAnswerSchema>;

/** Counters since the cache was created (per process), plus size where the store knows it. */
export interface CacheStats {
  readonly backend: 'disk' | 'redis' | 'layered';
  readonly hits: number;
  readonly misses: number;
  readonly writes: number;
  /** Entries dropped for size (disk LRU) or age. */
  readonly evictions: number;
  /** Store errors seen (each one was a miss or a skipped write, never a failed command). */
  readonly errors: number;
  readonly entries?: number;
  readonly bytes?: number;
  /** Layered only: the primary (Redis) is unavailable and the disk store answers. */
  readonly degraded?: boolean;
}

/**
 * The response cache port. Keys come from `cacheKey()`. `get` resolves `undefined` on a miss,
 * on an expired entry and on a corrupt one. Stores may reject on infrastructure errors (Redis
 * down); `LayeredResponseCache` and `createResponseCache` never do.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer): Promise<void>;
  /** Removes every entry this cache owns (and nothing else). */
  clear(): Promise<void>;
  stats(): CacheStats;
  /** Persists pending state and releases connections. The cache must not be used afterwards. */
  close(): Promise<void>;
}

/** Mutable counters behind `stats()`. */
export interface CacheCounters {
  hits: number;
  misses: number;
  writes: number;
  evictions: number;
  errors: number;
}

export function newCounters(): CacheCounters {
  return { hits: 0, misses: 0, writes: 0, evictions: 0, errors: 0 };
}
