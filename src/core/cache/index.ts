export { cacheKey, type CacheKeyInput } from './cacheKey';
export { canonicalJson } from './canonicalJson';
export { CachedAnswerSchema, type CachedAnswer, type CacheStats, type ResponseCache } from './types';
export { DiskResponseCache, DEFAULT_CACHE_TTL_MS, DEFAULT_DISK_CACHE_BYTES, DISK_CACHE_FOLDER, type DiskCacheOptions } from './diskResponseCache';
export { RedisResponseCache, REDIS_KEY_PREFIX, type RedisCacheOptions } from './redisResponseCache';
export { LayeredResponseCache, DEFAULT_PRIMARY_RETRY_MS, type LayeredCacheOptions } from './layeredResponseCache';
export { createResponseCache, type ResponseCacheConfig } from './createResponseCache';
