import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

// The build stage runs before these tests (scripts/test.mjs); run `npm run build` first by hand.
describe('cli: the bundle loads through its own V8 code cache, written after a run', function () {
  // Up to three CLI starts per test (about a second each on a quiet machine).
  this.timeout(120_000);
  let dir: string;
  const run = (env: NodeJS.ProcessEnv = {}): string => {
    const result = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: { ...process.env, ROUTECRAFT_CODE_CACHE_DIR: dir, ROUTECRAFT_CODE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: '', ...env } });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout;
  };
  const caches = (): string[] => (existsSync(dir) ? readdirSync(dir) : []);

  before(function () {
    if (!existsSync(CLI)) {
      this.skip();
    }
  });
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'routecraft-code-cache-test-')), 'cache');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('writes one cache for the command on the first run, reuses it unchanged, and answers the same', () => {
    const first = run();
    assert.match(first, /^\d+\.\d+\.\d+/);
    assert.deepEqual(caches().length, 1);
    const [file] = caches();
    assert.match(file!, /^other-[0-9a-f]{16}\.v8cache$/);
    const written = statSync(join(dir, file!)).mtimeMs;
    assert.equal(run(), first);
    assert.equal(statSync(join(dir, file!)).mtimeMs, written, 'a usable cache is not written again');
  });

  it('replaces a cache V8 refuses, and writes none when turned off', () => {
    const first = run();
    const [file] = caches();
    writeFileSync(join(dir, file!), 'not a V8 code cache');
    assert.equal(run(), first);
    assert.ok(statSync(join(dir, file!)).size > 100_000, 'the refused cache was written again');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(run({ ROUTECRAFT_CODE_CACHE: '0' }), first);
    assert.deepEqual(caches(), []);
  });

  it('hands stdin to the CLI (routecraft triage < log reads the pipe)', () => {
    const result = spawnSync(process.execPath, [CLI, 'triage'], { input: '', encoding: 'utf8', env: { ...process.env, ROUTECRAFT_CODE_CACHE_DIR: dir } });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /The log on stdin is empty\./);
  });
});
