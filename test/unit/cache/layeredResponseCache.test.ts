import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResponseCache } from '../../../src/core/cache/createResponseCache';
import { DiskResponseCache } from '../../../src/core/cache/diskResponseCache';
import { LayeredResponseCache } from '../../../src/core/cache/layeredResponseCache';
import { RedisResponseCache } from '../../../src/core/cache/redisResponseCache';
import type { ResponseCache } from '../../../src/core/cache/types';
import { freePort, RedisTestServer } from '../../support/redisServer';
import { answer, key } from './cacheFixtures';

describe('LayeredResponseCache (Redis over disk, real redis-server)', () => {
  let dir: string;
  let notices: string[];
  const caches: ResponseCache[] = [];
  const layered = (url: string, retryAfterMs?: number) => {
    const disk = new DiskResponseCache({ dir });
    const cache = new LayeredResponseCache({
      primary: new RedisResponseCache({ url }),
      fallback: disk,
      primaryLabel: url,
      onNotice: (m) => notices.push(m),
      retryAfterMs,
    });
    caches.push(cache);
    return { cache, disk };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'routecraft-layered-'));
    notices = [];
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('uses Redis while it is up and does not copy Redis answers to disk', async () => {
    const server = await RedisTestServer.start();
    try {
      const { cache, disk } = layered(server.url);
      await cache.set(key(1), answer('shared'));
      assert.equal((await cache.get(key(1)))?.text, 'shared');
      assert.equal(await disk.get(key(1)), undefined);
      assert.equal(cache.stats().degraded, false);
      assert.deepEqual(notices, []);
    } finally {
      await server.stop();
    }
  });

  it('falls back to disk when Redis is down, with exactly one notice', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const { cache } = layered(url, 0);
    assert.equal(await cache.get(key(1)), undefined);
    await cache.set(key(1), answer('local'));
    assert.equal((await cache.get(key(1)))?.text, 'local');
    await cache.clear();
    assert.equal(notices.length, 1, notices.join('\n'));
    assert.match(notices[0]!, /Shared response cache redis:\/\/127\.0\.0\.1:\d+ is unavailable \(.+\); using the local disk cache instead\./);
    assert.equal(cache.stats().degraded, true);
  });

  it('keeps working without throwing when Redis is killed mid-session', async () => {
    const server = await RedisTestServer.start();
    const { cache } = layered(server.url);
    await cache.set(key(1), answer('before'));
    assert.equal((await cache.get(key(1)))?.text, 'before');
    await server.stop();
    assert.equal(await cache.get(key(1)), undefined, 'Redis answers are gone with Redis; a miss, not an error');
    await cache.set(key(2), answer('after'));
    assert.equal((await cache.get(key(2)))?.text, 'after');
    assert.equal(notices.length, 1);
    assert.equal(cache.stats().degraded, true);
  });

  it('goes back to Redis once it is reachable again (after the retry delay)', async () => {
    const port = await freePort();
    const { cache } = layered(`redis://127.0.0.1:${port}`, 0);
    await cache.set(key(1), answer('on disk'));
    assert.equal(cache.stats().degraded, true);
    const server = await RedisTestServer.startOn(port);
    try {
      await cache.set(key(2), answer('in redis'));
      assert.equal(cache.stats().degraded, false);
      assert.equal((await cache.get(key(2)))?.text, 'in redis');
      assert.equal(notices.length, 1);
    } finally {
      await server.stop();
    }
  });

  it('never shows the Redis password in the notice', async () => {
    const port = await freePort();
    const cache = createResponseCache({ dir, redisUrl: `redis://user:hunter2secret@127.0.0.1:${port}`, onNotice: (m) => notices.push(m) });
    caches.push(cache);
    await cache.set(key(1), answer('x'));
    assert.equal(notices.length, 1);
    assert.doesNotMatch(notices[0]!, /hunter2secret/);
  });

  it('createResponseCache gives the disk store alone when no Redis URL is set', () => {
    const cache = createResponseCache({ dir, redisUrl: '  ' });
    caches.push(cache);
    assert.equal(cache.stats().backend, 'disk');
  });
});
