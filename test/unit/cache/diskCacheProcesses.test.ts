import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEntryFile } from '../../../src/core/cache/diskEntries';
import { DISK_CACHE_FOLDER } from '../../../src/core/cache/diskResponseCache';

const WRITER = join(import.meta.dirname, '..', '..', 'support', 'diskCacheWriter.ts');

function runWriter(dir: string, maxBytes: number, prefix: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(maxBytes), prefix, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${prefix} exited ${String(code)}: ${stderr}`))));
  });
}

describe('DiskResponseCache shared by two processes', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'routecraft-disk-procs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the size cap over both processes\' entries, every file whole, no temp files left', async () => {
    const maxBytes = 10 * 1024;
    await Promise.all([runWriter(dir, maxBytes, 'window-a', 60), runWriter(dir, maxBytes, 'window-b', 60)]);
    const folder = join(dir, DISK_CACHE_FOLDER);
    const names = (await readdir(folder)).filter((name) => name !== 'index.json');
    let total = 0;
    for (const name of names) {
      total += (await stat(join(folder, name))).size;
    }
    assert.ok(total <= maxBytes, `${total} bytes on disk, cap ${maxBytes}`);
    for (const name of names) {
      assert.match(name, /^[0-9a-f]{64}\.json$/, `only entry files remain (${name})`);
      assert.ok(parseEntryFile(await readFile(join(folder, name), 'utf8')), `${name} is a whole entry`);
    }
    assert.ok(names.length >= 10, `the cap is used, not emptied (${names.length} entries)`);
  });
});
