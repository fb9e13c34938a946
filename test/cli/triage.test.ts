import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { fixtureOutput, SAMPLE_ROOT } from '../unit/triage/triageFixtures';

const FIXED = '  const entry = PRICES[sku];\n  if (entry === undefined) {\n    throw new RangeError(`unknown sku ${sku}`);\n  }\n  return entry.cents;';

function answer(json: object, blocks: readonly string[] = []): string {
  return ['```json', JSON.stringify(json), '```', ...blocks.flatMap((b) => ['```ts', b, '```'])].join('\n');
}

const good = (file = 'src/cart.ts'): string =>
  answer(
    {
      cause: '`priceOf` reads `.cents` of an unknown sku.',
      evidence: [{ file: 'src/cart.ts', line: 13, why: 'undefined entry' }, { file: 'src/cart.ts', line: 99 }],
      confidence: 'high',
      fix: { summary: 'Refuse unknown skus', edits: [{ file, startLine: 12, endLine: 13 }] },
    },
    [FIXED],
  );

async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    cwd,
    signal: new AbortController().signal,
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  });
  return { code, out, err };
}

describe('routecraft triage (CLI, fake LLM server)', () => {
  let llm: FakeLlmServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let original: string;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'routecraft-triage-cli-')));
    cpSync(SAMPLE_ROOT, dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"shop","private":true}\n');
    original = readFileSync(join(dir, 'src/cart.ts'), 'utf8');
    env = { OPENAI_BASE_URL: llm.baseUrl, ROUTECRAFT_CACHE_DIR: join(dir, '.cache') };
  });
  afterEach(async () => {
    await llm.close();
  });

  it('< log.txt: prints cause, evidence (bad lines dropped), the fix as a diff and every frame; writes nothing; exit 0', async () => {
    llm.enqueue({ kind: 'text', text: good() });
    const r = await cli(['triage'], env, dir, fixtureOutput('mocha.txt', dir));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /## Cause\n\n`priceOf` reads/);
    assert.match(r.out, /- `src\/cart\.ts:13` — undefined entry/);
    assert.match(r.out, /1 evidence item\(s\) dropped.*src\/cart\.ts:99/);
    assert.match(r.out, /```diff\n[\s\S]*\+  if \(entry === undefined\) \{/);
    assert.match(r.out, /Type check: no new errors\./);
    assert.match(r.out, /- process\.processImmediate `node:internal\/timers:483` — Node internal, not sent/);
    assert.match(r.err, /2 failure\(s\) in mocha output/);
    assert.match(r.err, /run again with --write/);
    assert.equal(readFileSync(join(dir, 'src/cart.ts'), 'utf8'), original);
  });

  it('LOG --format json --write: applies the type-checked fix', async () => {
    writeFileSync(join(dir, 'jest.log'), fixtureOutput('jest.txt', dir));
    llm.enqueue({ kind: 'text', text: good() });
    const r = await cli(['triage', 'jest.log', '--format', 'json', '--write'], env, dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { format: string; evidence: unknown[]; fix: { files: { path: string }[] }; sentCode: { path: string }[] };
    assert.equal(json.format, 'jest');
    assert.equal(json.evidence.length, 1);
    assert.deepEqual(json.fix.files.map((f) => f.path), ['src/cart.ts']);
    assert.ok(json.sentCode.some((c) => c.path === 'src/cart.spec.ts'));
    assert.match(r.err, /Wrote 1 file\(s\)/);
    assert.match(readFileSync(join(dir, 'src/cart.ts'), 'utf8'), /throw new RangeError\(`unknown sku \$\{sku\}`\);/);
  });

  it('a malformed answer (twice) exits 1 and writes nothing', async () => {
    llm.enqueue({ kind: 'text', text: 'Looks like a typo.' }, { kind: 'text', text: '{"cause": 3}' });
    const r = await cli(['triage', '--write'], env, dir, fixtureOutput('vitest.txt', dir));
    assert.equal(r.code, 1);
    assert.match(r.err, /could not be used; nothing was written/);
    assert.equal(readFileSync(join(dir, 'src/cart.ts'), 'utf8'), original);
  });

  it('a fix outside the project exits 1 with the reason; nothing written', async () => {
    llm.enqueue({ kind: 'text', text: good('../cart.ts') });
    const r = await cli(['triage', '--write'], env, dir, fixtureOutput('node-test-tap.txt', dir));
    assert.equal(r.code, 1);
    assert.match(r.err, /The proposed fix was not used: .*Nothing was written\./);
    assert.equal(readFileSync(join(dir, 'src/cart.ts'), 'utf8'), original);
  });

  it('no failure in the input, or no input at all: exit 2, nothing sent', async () => {
    const none = await cli(['triage'], env, dir, 'server started\nall 12 tests passed\n');
    assert.equal(none.code, 2);
    assert.match(none.err, /no stack trace, test failure or compiler error was found/);
    const noInput = await cli(['triage'], env, dir);
    assert.equal(noInput.code, 2);
    assert.match(noInput.err, /pipe it in/);
    const badFormat = await cli(['triage', '--format', 'html'], env, dir, 'x');
    assert.equal(badFormat.code, 2);
    assert.equal(llm.requests.length, 0);
  });

  it('--dry-run shows the prompt with the token and e-mail redacted and sends nothing', async () => {
    const log = `Error: login failed for ops.lead@shop-example.net with key sk-live-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\n    at priceOf (src/cart.ts:13:16)\n`;
    const r = await cli(['triage', '--dry-run'], env, dir, log);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /priceOf \(src\/cart\.ts:13:16\)/);
    assert.doesNotMatch(r.out, /ops\.lead@shop-example\.net/);
    assert.doesNotMatch(r.out, /sk-live-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c/);
    assert.equal(llm.requests.length, 0);
  });
});
