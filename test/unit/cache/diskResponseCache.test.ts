import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STALE_TEMP_MS } from '../../../src/core/cache/diskEntries';
import { DiskResponseCache, type DiskCacheOptions } from '../../../src/core/cache/diskResponseCache';
import { answer, key } from './cacheFixtures';

describe('DiskResponseCache', () => {
  let dir: string;
  let clock: number;
  const caches: DiskResponseCache[] = [];
  const open = (options: Partial<DiskCacheOptions> = {}) => {
    const cache = new DiskResponseCache({ dir, now: () => clock, ...options });
    caches.push(cache);
    return cache;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'routecraft-disk-cache-'));
    clock = 1_000_000;
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('misses, then hits what was set, and counts both', async () => {
    const cache = open();
    assert.equal(await cache.get(key(1)), undefined);
    await cache.set(key(1), answer('one'));
    assert.deepEqual(await cache.get(key(1)), answer('one'));
    assert.deepEqual(cache.stats(), { backend: 'disk', hits: 1, misses: 1, writes: 1, evictions: 0, errors: 0, entries: 1, bytes: cache.stats().bytes });
  });

  it('survives a restart (a new instance on the same folder)', async () => {
    const first = open();
    await first.set(key(1), answer('kept'));
    await first.close();
    const second = open();
    assert.equal((await second.get(key(1)))?.text, 'kept');
    assert.equal(second.stats().entries, 1);
  });

  it('writes one file per entry, no shared index, and leaves no temp files', async () => {
    const cache = open();
    await Promise.all([1, 2, 3].map((n) => cache.set(key(n), answer(`a${n}`))));
    const names = (await readdir(cache.folder)).sort();
    assert.deepEqual(names, [`${key(1)}.json`, `${key(2)}.json`, `${key(3)}.json`]);
  });

  it('treats an expired entry as a miss and removes it', async () => {
    const cache = open({ ttlMs: 1000 });
    await cache.set(key(1), answer('old'));
    clock += 999;
    assert.equal((await cache.get(key(1)))?.text, 'old');
    clock += 1;
    assert.equal(await cache.get(key(1)), undefined);
    assert.deepEqual(await readdir(cache.folder), []);
    assert.equal(cache.stats().evictions, 1);
  });

  it('evicts the least recently accessed entries past the size cap', async () => {
    const probe = open();
    await probe.set(key(99), answer('x'.repeat(100)));
    const entrySize = probe.stats().bytes!;
    await probe.clear();
    const cache = open({ maxBytes: entrySize * 3 });
    for (const n of [1, 2, 3]) {
      clock += 10;
      await cache.set(key(n), answer('x'.repeat(100)));
    }
    clock += 10;
    assert.ok(await cache.get(key(1)), 'touch 1 so that 2 is the least recently used');
    clock += 10;
    await cache.set(key(4), answer('x'.repeat(100)));
    assert.equal(await cache.get(key(2)), undefined);
    for (const n of [1, 3, 4]) {
      assert.ok(await cache.get(key(n)), `entry ${n} kept`);
    }
    assert.ok(cache.stats().bytes! <= entrySize * 3);
  });

  it('treats a corrupt entry file as a miss and removes it', async () => {
    const cache = open();
    await cache.set(key(1), answer('fine'));
    await writeFile(join(cache.folder, `${key(1)}.json`), '{"key": "trunc');
    assert.equal(await cache.get(key(1)), undefined);
    assert.deepEqual(await readdir(cache.folder), []);
    assert.equal(cache.stats().entries, 0);
  });

  it('rejects an entry whose stored key does not match (no answer for the wrong question)', async () => {
    const cache = open();
    await cache.set(key(1), answer('for one'));
    const text = await readFile(join(cache.folder, `${key(1)}.json`), 'utf8');
    await writeFile(join(cache.folder, `${key(2)}.json`), text);
    assert.equal(await cache.get(key(2)), undefined);
  });

  it('cleans up after an older version and a dead writer, but leaves another process its in-flight temp file', async () => {
    const first = open();
    await first.set(key(1), answer('one'));
    await first.close();
    const stale = join(first.folder, `${key(4)}.json.123.abc.tmp`);
    const inFlight = join(first.folder, `${key(5)}.json.456.def.tmp`);
    await writeFile(join(first.folder, 'index.json'), '{"version":1,"entries":{}}');
    await writeFile(stale, 'half');
    await writeFile(inFlight, 'half');
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    await utimes(stale, old, old);
    const second = open();
    assert.equal((await second.get(key(1)))?.text, 'one');
    assert.equal(second.stats().entries, 1);
    assert.deepEqual((await readdir(second.folder)).sort(), [`${key(1)}.json`, `${key(5)}.json.456.def.tmp`]);
  });

  it('sees and evicts entries written by another process (no index to overwrite)', async () => {
    const probe = open();
    await probe.set(key(99), answer('x'.repeat(100)));
    const entrySize = probe.stats().bytes!;
    await probe.clear();
    const windowA = open({ maxBytes: entrySize * 3 });
    const windowB = open({ maxBytes: entrySize * 3 });
    for (const n of [1, 2]) {
      clock += 10;
      await windowA.set(key(n), answer('x'.repeat(100)));
    }
    for (const n of [3, 4]) {
      clock += 10;
      await windowB.set(key(n), answer('x'.repeat(100)));
    }
    assert.deepEqual((await readdir(windowA.folder)).sort(), [2, 3, 4].map((n) => `${key(n)}.json`).sort(), 'B evicted A\'s oldest entry');
    assert.equal((await windowA.get(key(4)))?.text.length, 100, 'A reads what B wrote');
    assert.equal(windowB.stats().entries, 3);
  });

  it('clear removes every entry', async () => {
    const cache = open();
    await cache.set(key(1), answer('one'));
    await cache.clear();
    assert.equal(await cache.get(key(1)), undefined);
    assert.equal(cache.stats().entries, 0);
  });

  it('hashes keys that are not hex so they cannot escape the folder', async () => {
    const cache = open();
    await cache.set('../../etc/passwd', answer('safe'));
    assert.equal((await cache.get('../../etc/passwd'))?.text, 'safe');
    assert.equal((await readdir(dir)).length, 1);
  });

  it('never rejects when the folder cannot be written (a failed write is skipped and counted)', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const warnings: string[] = [];
    const cache = new DiskResponseCache({ dir: join(dir, 'blocker'), logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined } });
    caches.push(cache);
    await cache.set(key(1), answer('lost'));
    assert.equal(await cache.get(key(1)), undefined);
    assert.ok(cache.stats().errors >= 1);
    assert.match(warnings[0] ?? '', /Response cache \(disk\): write failed/);
  });
});
