import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { DEFAULT_CACHE_TTL_MS } from './diskResponseCache';
import { CachedAnswerSchema, newCounters, type CachedAnswer, type CacheStats, type ResponseCache } from './types';

/** Every key this cache writes starts with this; `clear()` removes these and nothing else. */
export const REDIS_KEY_PREFIX = 'routecraft:cache:v1:';
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 1500;
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 1000;

type RedisClient = Awaited<ReturnType<typeof newClient>>;

export interface RedisCacheOptions {
  /** `redis[s]://[[user][:password]@]host[:port][/db]`. May hold a password: never logged. */
  readonly url: string;
  readonly ttlMs?: number;
  readonly connectTimeoutMs?: number;
  /** A command that takes longer fails (and the layered cache falls back). */
  readonly commandTimeoutMs?: number;
  /** Overrides `REDIS_KEY_PREFIX` (tests, or teams sharing one Redis between tools). */
  readonly prefix?: string;
  readonly logger?: Logger;
}

/**
 * A cache shared by everyone who points at the same Redis: one person's answer saves everyone's
 * tokens. Entries are JSON strings under `prefix + key` with a TTL (`SET … EX`). Connects on first
 * use with a short timeout and never reconnects in a loop: a lost connection makes calls reject
 * (the layered cache falls back to disk); the next call after that tries one fresh connection.
 * `redis` is imported on first use, so nothing loads it unless Redis is configured.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  private readonly logger: Logger;
  private readonly counters = newCounters();
  private client: Promise<RedisClient> | undefined;

  constructor(private readonly options: RedisCacheOptions) {
    this.prefix = options.prefix ?? REDIS_KEY_PREFIX;
    this.ttlSeconds = Math.max(1, Math.ceil((options.ttlMs ?? DEFAULT_CACHE_TTL_MS) / 1000));
    this.logger = options.logger ?? silentLogger;
  }

  /** Rejects when Redis is unreachable or a command fails; resolves `undefined` on a miss. */
  async get(key: string): Promise<CachedAnswer | undefined> {
    const text = await this.run((client) => client.get(this.prefix + key));
    if (text === null) {
      this.counters.misses++;
      return undefined;
    }
    const answer = parseAnswer(text);
    if (answer === undefined) {
      this.logger.warn('Response cache (Redis): removed an entry that was not a valid answer.');
      await this.run((client) => client.unlink(this.prefix + key));
      this.counters.misses++;
      return undefined;
    }
    this.counters.hits++;
    return answer;
  }

  async set(key: string, value: CachedAnswer): Promise<void> {
    await this.run((client) => client.set(this.prefix + key, JSON.stringify(value), { expiration: { type: 'EX', value: this.ttlSeconds } }));
    this.counters.writes++;
  }

  /** Deletes the keys under this cache's prefix (SCAN + UNLINK); other keys are left alone. */
  async clear(): Promise<void> {
    await this.run(async (client) => {
      for await (const keys of client.scanIterator({ MATCH: `${escapeGlob(this.prefix)}*`, COUNT: 500 })) {
        if (keys.length > 0) {
          await client.unlink(keys);
        }
      }
    });
  }

  stats(): CacheStats {
    return { backend: 'redis', ...this.counters };
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = undefined;
    if (pending !== undefined) {
      try {
        const client = await pending;
        if (client.isOpen) {
          client.destroy();
        }
      } catch {
        // Never connected: nothing to release.
      }
    }
  }

  private async run<T>(command: (client: RedisClient) => Promise<T>): Promise<T> {
    try {
      return await command(await this.connect());
    } catch (error) {
      this.counters.errors++;
      await this.dropClientIfClosed();
      throw error;
    }
  }

  private connect(): Promise<RedisClient> {
    this.client ??= this.open();
    return this.client;
  }

  private async open(): Promise<RedisClient> {
    const client = await newClient(this.options);
    // Without a listener an 'error' event would crash the process; failures surface through commands.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      this.client = undefined;
      client.destroy();
      throw error;
    }
    return client;
  }

  private async dropClientIfClosed(): Promise<void> {
    const pending = this.client;
    if (pending === undefined) {
      return;
    }
    try {
      const client = await pending;
      if (!client.isReady) {
        this.client = undefined;
        if (client.isOpen) {
          client.destroy();
        }
      }
    } catch {
      this.client = undefined;
    }
  }
}

/** A client that fails fast: short connect timeout, no reconnect loop, no offline queue, command timeout. */
async function newClient(options: RedisCacheOptions) {
  const { createClient } = await import('redis');
  return createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: options.connectTimeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS, reconnectStrategy: false },
  });
}

function parseAnswer(text: string): CachedAnswer | undefined {
  try {
    const parsed = CachedAnswerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Escapes Redis glob characters so a prefix matches literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
