import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiskResponseCache } from '../../../src/core/cache/diskResponseCache';
import { RedisResponseCache } from '../../../src/core/cache/redisResponseCache';
import type { ResponseCache } from '../../../src/core/cache/types';
import { RedisTestServer } from '../../support/redisServer';
import { answer, key } from './cacheFixtures';

const GETS = 100;
/** Far above what a hit costs, so the test only catches a hit that does real work (or waits). */
const MEDIAN_CEILING_MS = 25;

/** Median milliseconds of `GETS` hits of a ~2 KB answer. Set ROUTECRAFT_BENCH=1 to print it. */
async function medianHitMs(cache: ResponseCache, label: string): Promise<number> {
  await cache.set(key(1), answer('x'.repeat(2000)));
  assert.ok(await cache.get(key(1)), 'warm-up hit');
  const samples: number[] = [];
  for (let i = 0; i < GETS; i++) {
    const started = performance.now();
    const hit = await cache.get(key(1));
    samples.push(performance.now() - started);
    assert.ok(hit);
  }
  samples.sort((a, b) => a - b);
  const median = (samples[GETS / 2 - 1]! + samples[GETS / 2]!) / 2;
  if (process.env['ROUTECRAFT_BENCH'] === '1') {
    console.log(`      ${label}: median hit ${median.toFixed(3)} ms, p90 ${samples[Math.floor(GETS * 0.9)]!.toFixed(3)} ms over ${GETS} gets`);
  }
  return median;
}

describe('cache hit latency', () => {
  it('disk store: median hit well under a frame', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'routecraft-latency-'));
    const cache = new DiskResponseCache({ dir });
    try {
      assert.ok((await medianHitMs(cache, 'disk')) < MEDIAN_CEILING_MS);
    } finally {
      await cache.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Redis store (local redis-server): median hit well under a frame', async () => {
    const server = await RedisTestServer.start();
    const cache = new RedisResponseCache({ url: server.url });
    try {
      assert.ok((await medianHitMs(cache, 'redis')) < MEDIAN_CEILING_MS);
    } finally {
      await cache.close();
      await server.stop();
    }
  });
});
