import type { Logger } from '../util/logger';
import { redactUrl } from '../llm/redact';
import { DiskResponseCache } from './diskResponseCache';
import { LayeredResponseCache } from './layeredResponseCache';
import { RedisResponseCache } from './redisResponseCache';
import type { ResponseCache } from './types';

export interface ResponseCacheConfig {
  /** A directory for the disk store (always present: default store and Redis fallback). */
  readonly dir: string;
  /** When set (non-blank), Redis is the primary store. */
  readonly redisUrl?: string;
  readonly maxBytes?: number;
  readonly ttlMs?: number;
  readonly logger?: Logger;
  /** Told once when Redis is configured but cannot be used. */
  readonly onNotice?: (message: string) => void;
}

/**
 * The cache a pipeline should use: the disk store alone, or Redis backed by the disk store when
 * `redisUrl` is given. The result never rejects from `get`/`set`/`clear`.
 */
export function createResponseCache(config: ResponseCacheConfig): ResponseCache {
  const disk = new DiskResponseCache({ dir: config.dir, maxBytes: config.maxBytes, ttlMs: config.ttlMs, logger: config.logger });
  const url = config.redisUrl?.trim() ?? '';
  if (url === '') {
    return disk;
  }
  return new LayeredResponseCache({
    primary: new RedisResponseCache({ url, ttlMs: config.ttlMs, logger: config.logger }),
    fallback: disk,
    primaryLabel: redactUrl(url),
    onNotice: config.onNotice,
    logger: config.logger,
  });
}
