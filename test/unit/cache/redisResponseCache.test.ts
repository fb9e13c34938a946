import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { REDIS_KEY_PREFIX, RedisResponseCache, type RedisCacheOptions } from '../../../src/core/cache/redisResponseCache';
import { RedisTestServer } from '../../support/redisServer';
import { answer, key } from './cacheFixtures';

describe('RedisResponseCache (real redis-server)', () => {
  let server: RedisTestServer;
  let raw: ReturnType<typeof createClient>;
  const caches: RedisResponseCache[] = [];
  const open = (options: Partial<RedisCacheOptions> = {}) => {
    const cache = new RedisResponseCache({ url: server.url, ...options });
    caches.push(cache);
    return cache;
  };

  before(async () => {
    server = await RedisTestServer.start();
    raw = createClient({ url: server.url });
    await raw.connect();
  });
  after(async () => {
    raw.destroy();
    await server.stop();
  });
  beforeEach(async () => {
    await raw.flushAll();
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.close()));
  });

  it('misses, then hits what was set', async () => {
    const cache = open();
    assert.equal(await cache.get(key(1)), undefined);
    await cache.set(key(1), answer('one'));
    assert.deepEqual(await cache.get(key(1)), answer('one'));
    assert.deepEqual(cache.stats(), { backend: 'redis', hits: 1, misses: 1, writes: 1, evictions: 0, errors: 0 });
  });

  it('stores under routecraft:cache:v1: with a TTL (SET … EX)', async () => {
    const cache = open({ ttlMs: 3_600_000 });
    await cache.set(key(1), answer('one'));
    const ttl = await raw.ttl(`${REDIS_KEY_PREFIX}${key(1)}`);
    assert.ok(ttl > 3590 && ttl <= 3600, `ttl ${ttl}`);
  });

  it('expires entries after the TTL', async () => {
    const cache = open({ ttlMs: 1000 });
    await cache.set(key(1), answer('short-lived'));
    assert.ok(await cache.get(key(1)));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    assert.equal(await cache.get(key(1)), undefined);
  });

  it('clear deletes only its own prefix', async () => {
    const cache = open();
    for (let n = 0; n < 1200; n++) {
      await raw.set(`${REDIS_KEY_PREFIX}${key(n)}`, JSON.stringify(answer(`a${n}`)));
    }
    await raw.set('someone-else:data', 'keep me');
    await raw.set('routecraft:cache:v2:future', 'keep me too');
    await cache.clear();
    assert.deepEqual((await raw.keys('*')).sort(), ['routecraft:cache:v2:future', 'someone-else:data']);
  });

  it('two clients share answers: one person\'s answer saves everyone\'s tokens', async () => {
    const alice = open();
    const bob = open();
    await alice.set(key(7), answer('computed once'));
    assert.equal((await bob.get(key(7)))?.text, 'computed once');
  });

  it('treats a value that is not an answer as a miss and removes it', async () => {
    const cache = open();
    await raw.set(`${REDIS_KEY_PREFIX}${key(1)}`, '{"text": 1}');
    assert.equal(await cache.get(key(1)), undefined);
    assert.equal(await raw.exists(`${REDIS_KEY_PREFIX}${key(1)}`), 0);
  });

  it('rejects quickly (no reconnect loop) when nothing listens', async () => {
    const cache = open({ url: 'redis://127.0.0.1:1' });
    const started = Date.now();
    await assert.rejects(cache.get(key(1)));
    await assert.rejects(cache.set(key(1), answer('x')));
    assert.ok(Date.now() - started < 3000);
    assert.equal(cache.stats().errors, 2);
  });
});
