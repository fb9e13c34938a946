import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../src/cli/main';
import { parseTarget } from '../../src/cli/explainCli';
import { FakeLlmServer } from '../support/fakeLlmServer';

const code = `export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'routecraft-cli-'));
  writeFileSync(join(dir, 'slug.ts'), code);
  return dir;
}

async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string, signal = new AbortController().signal): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const exit = await runCli(args, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    cwd,
    signal,
  });
  return { code: exit, out, err };
}

describe('routecraft CLI', () => {
  let llm: FakeLlmServer;
  let dir: string;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
    dir = project();
  });
  afterEach(async () => {
    await llm.close();
  });

  it('parses FILE, FILE:LINE and FILE:START-END (Windows drive letters too)', () => {
    assert.deepEqual(parseTarget('a.ts'), { file: 'a.ts', startLine: undefined, endLine: undefined });
    assert.deepEqual(parseTarget('a.ts:4'), { file: 'a.ts', startLine: 4, endLine: 4 });
    assert.deepEqual(parseTarget('src/a.ts:2-9'), { file: 'src/a.ts', startLine: 2, endLine: 9 });
    assert.deepEqual(parseTarget('C:\\p\\a.ts:3-5'), { file: 'C:\\p\\a.ts', startLine: 3, endLine: 5 });
    assert.throws(() => parseTarget('a.ts:9-3'), /START <= END/);
  });

  it('explain FILE:START-END streams the answer to stdout, usage to stderr, exit 0', async () => {
    llm.enqueue({ kind: 'text', text: 'Lower-cases the title and joins words with dashes.', usage: { prompt_tokens: 120, completion_tokens: 11 } });
    const r = await cli(['explain', 'slug.ts:3-4'], { OPENAI_BASE_URL: llm.baseUrl, ROUTECRAFT_MODEL: 'cli-model', OPENAI_API_KEY: 'sk-cli-test' }, dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'Lower-cases the title and joins words with dashes.\n');
    assert.match(r.err, /120 tokens in \/ 11 out/);
    const body = llm.requests[0]!.body as { model: string };
    assert.equal(body.model, 'cli-model', 'ROUTECRAFT_MODEL is used');
    assert.equal(llm.requests[0]!.headers.authorization, 'Bearer sk-cli-test', 'OPENAI_API_KEY is sent as the bearer token');
    const sent = llm.lastUserMessage() ?? '';
    assert.match(sent, /Selected code \(lines 3-4\):\n```typescript\n {4}\.toLowerCase\(\)\n {4}\.replace/);
    assert.match(sent, /function slugify \(lines 1-6\)/);
  });

  it('explain FILE:LINE explains the whole function at that line; flags beat env', async () => {
    llm.enqueue({ kind: 'text', text: 'ok' });
    const r = await cli(['explain', 'slug.ts:2', '--base-url', llm.baseUrl, '--model', 'flag-model'], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', ROUTECRAFT_MODEL: 'env-model' }, dir);
    assert.equal(r.code, 0, r.err);
    assert.equal((llm.requests[0]!.body as { model: string }).model, 'flag-model');
    assert.match(llm.lastUserMessage() ?? '', /Selected code \(lines 1-6\):\n```typescript\nexport function slugify/);
  });

  it('fails clearly with exit 1 on a dead endpoint, naming the URL and the fix', async () => {
    const dead = await FakeLlmServer.start();
    const url = dead.baseUrl;
    await dead.close();
    const r = await cli(['explain', 'slug.ts', '--max-retries', '0'], { OPENAI_BASE_URL: url }, dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.ok(r.err.includes(url), r.err);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  });

  it('exits 2 with help on bad usage, 1 on a missing file, 0 on --help', async () => {
    assert.equal((await cli([], {}, dir)).code, 2);
    const unknownFlag = await cli(['explain', 'slug.ts', '--nope'], {}, dir);
    assert.equal(unknownFlag.code, 2);
    assert.match(unknownFlag.err, /--nope/);
    const badNumber = await cli(['explain', 'slug.ts', '--timeout', 'soon'], {}, dir);
    assert.equal(badNumber.code, 2);
    assert.match(badNumber.err, /--timeout takes a number/);
    const missing = await cli(['explain', 'nope.ts'], { OPENAI_BASE_URL: llm.baseUrl }, dir);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /No such file: .*nope\.ts/);
    const help = await cli(['explain', '--help'], {}, dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /OPENAI_API_KEY/);
    assert.equal(llm.requests.length, 0, 'nothing was sent');
  });

  it('--dry-run prints the redacted prompt and sends nothing', async () => {
    writeFileSync(join(dir, 'db.ts'), "export const url = 'postgres://app:S3cr3t-Pa55@db.internal:5432/shop';\nexport const admin = 'ops.lead@shop-example.net';\n");
    const r = await cli(['explain', 'db.ts', '--dry-run'], { OPENAI_BASE_URL: llm.baseUrl }, dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(llm.requests.length, 0);
    assert.doesNotMatch(r.out, /S3cr3t-Pa55|ops\.lead@/);
    assert.match(r.out, /<PASSWORD_1>/);
    assert.match(r.out, /<EMAIL_1>/);
    assert.match(r.out, /Redacted: .*1 PASSWORD/);
  });

  it('refuses a file excluded by .routecraftignore or the defaults, and sends nothing', async () => {
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, '.env'), 'STRIPE_KEY=sk_live_abc\n');
    writeFileSync(join(dir, 'internal.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, '.routecraftignore'), 'internal.ts\n');
    for (const file of ['.env', 'internal.ts']) {
      const r = await cli(['explain', file], { OPENAI_BASE_URL: llm.baseUrl }, dir);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, new RegExp(`"${file.replace('.', '\\.')}" is excluded`));
    }
    assert.equal(llm.requests.length, 0);
  });

  it('answers a repeated question from the cache, audits every call, and prints usage', async () => {
    const env = { OPENAI_BASE_URL: llm.baseUrl, ROUTECRAFT_CACHE_DIR: join(dir, 'cache'), ROUTECRAFT_AUDIT_LOG: join(dir, 'audit.jsonl') };
    llm.enqueue({ kind: 'text', text: 'Slugs.', usage: { prompt_tokens: 100, completion_tokens: 2 } }, { kind: 'text', text: 'Fresh slugs.' });
    const first = await cli(['explain', 'slug.ts'], env, dir);
    assert.match(first.err, /1 call, 100 tokens in \/ 2 out/);
    const second = await cli(['explain', 'slug.ts'], env, dir);
    assert.equal(second.out, 'Slugs.\n');
    assert.match(second.err, /from cache, 0 tokens/);
    assert.match(second.err, /cache saved 102 tokens/);
    const third = await cli(['explain', 'slug.ts', '--no-cache'], env, dir);
    assert.equal(third.out, 'Fresh slugs.\n');
    assert.equal(llm.requests.length, 2, 'the cached answer cost no request');
    const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { cache: string; command: string });
    assert.deepEqual(lines.map((l) => l.cache), ['miss', 'hit', 'bypass']);
    assert.equal(lines[0]!.command, 'cli explain');
  });

  it('as a process: Ctrl-C during a stream stops it with exit 130', async function () {
    this.timeout(30_000);
    llm.enqueue({ kind: 'text', text: 'word '.repeat(400), chunkSize: 5, chunkDelayMs: 25 });
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    const child = spawn(process.execPath, ['--import', tsx, join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), 'explain', 'slug.ts'], {
      cwd: dir,
      env: { ...process.env, OPENAI_BASE_URL: llm.baseUrl, XDG_CACHE_HOME: join(dir, '.cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.length > 20) {
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130, err);
    assert.ok(out.length < 2000, 'stopped before the end');
    assert.match(err, /Cancelled/);
  });
});
