import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeSetDiff } from '../../../src/core/changes/unifiedDiff';
import { createLlm } from '../../../src/core/gateway/createLlm';
import type { LlmClient } from '../../../src/core/llm/types';
import { silentLogger } from '../../../src/core/util/logger';
import { loadExclusion } from '../../../src/core/privacy/exclusion';
import { formatTriageMarkdown, triageError, type TriageInput } from '../../../src/core/triage';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { settingsFor } from '../../support/llmTestKit';
import { fixtureOutput, SAMPLE_ROOT } from './triageFixtures';

const FIXED = [
  '  const entry = PRICES[sku];',
  '  if (entry === undefined) {',
  '    throw new RangeError(`unknown sku ${sku}`);',
  '  }',
  '  return entry.cents;',
].join('\n');

/** A scripted answer: the JSON, then one fenced block per edit. */
function answer(json: object, blocks: readonly string[] = []): string {
  return ['```json', JSON.stringify(json), '```', ...blocks.flatMap((b) => ['```ts', b, '```'])].join('\n');
}

const GOOD = {
  cause: '`priceOf` reads `.cents` of `PRICES[sku]` without checking that the sku exists, so an unknown sku ("kiwi") throws a TypeError.',
  evidence: [
    { file: 'src/cart.ts', line: 13, why: 'reads .cents of undefined' },
    { file: 'src/cart.ts', line: 412, why: 'no such line' },
    { file: 'src/elsewhere.ts', line: 2 },
  ],
  confidence: 'high',
  fix: { summary: 'Refuse unknown skus with a RangeError', edits: [{ file: 'src/cart.ts', startLine: 12, endLine: 13 }] },
};

describe('triageError through the gateway and a real OpenAI-protocol server', () => {
  let llm: FakeLlmServer;
  let client: LlmClient;
  let root: string;
  let input: (text: string) => Promise<TriageInput>;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
    client = createLlm({ llm: settingsFor(llm) }, silentLogger);
    root = realpathSync(mkdtempSync(join(tmpdir(), 'routecraft-triage-')));
    cpSync(SAMPLE_ROOT, root, { recursive: true });
    input = async (text) => ({ text, root, exclusion: await loadExclusion(root) });
  });
  afterEach(async () => {
    await llm.close();
  });

  it('sends the error and the enclosing code of the top project frames, never node internals; builds a type-checked fix; drops evidence at lines that do not exist', async () => {
    llm.enqueue({ kind: 'text', text: answer(GOOD, [FIXED]) });
    const result = await triageError(client, await input(fixtureOutput('node-test-spec.txt', root)));
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    if (result.kind !== 'ok') {
      return;
    }
    const sent = llm.lastUserMessage() ?? '';
    assert.match(sent, /at priceOf \(src\/cart\.ts:13:16\)/);
    assert.match(sent, /`src\/cart\.ts` — function priceOf, frame at line 13:\n```\n11 \| export function priceOf/);
    assert.match(sent, /13 \| {3}return entry\.cents;/);
    assert.match(sent, /test\/node\.test\.ts/);
    assert.doesNotMatch(sent, /node:internal|processPendingSubtests|Test\.run/, 'Node internals are not sent');
    assert.match(sent, /frame\(s\) in node_modules, Node internals or native code not shown/);
    const t = result.value;
    assert.deepEqual(t.evidence, [{ file: 'src/cart.ts', line: 13, why: 'reads .cents of undefined' }]);
    assert.deepEqual(t.droppedEvidence.map((e) => `${e.file}:${e.line}`), ['src/cart.ts:412', 'src/elsewhere.ts:2']);
    assert.equal(t.confidence, 'high');
    assert.ok(t.fix);
    const diff = changeSetDiff(t.fix.changeSet);
    assert.match(diff, /-  const entry = PRICES\[sku\] as \{ cents: number \};\n\+  const entry = PRICES\[sku\];\n\+  if \(entry === undefined\) \{\n\+    throw new RangeError\(`unknown sku \$\{sku\}`\);\n\+  \}\n   return entry\.cents;/);
    assert.deepEqual(t.fix.changeSet.files[0]!.diagnostics, [], 'the fix type-checks');
    assert.equal(readFileSync(join(root, 'src/cart.ts'), 'utf8'), readFileSync(join(SAMPLE_ROOT, 'src/cart.ts'), 'utf8'), 'nothing written');
    const md = formatTriageMarkdown(t);
    assert.match(md, /## Evidence\n\n- `src\/cart\.ts:13` — reads \.cents of undefined/);
    assert.match(md, /2 evidence item\(s\) dropped/);
    assert.match(md, /Test\.run `node:internal\/test_runner\/test:796` — Node internal, not sent/, 'internals stay in the report');
  });

  it('source-mapped frames: the TypeScript source is sent, not dist/', async () => {
    const transpiled = realpathSync(mkdtempSync(join(tmpdir(), 'routecraft-triage-dist-')));
    cpSync(join(SAMPLE_ROOT, '..', 'transpiled'), transpiled, { recursive: true });
    llm.enqueue({ kind: 'text', text: answer({ cause: 'pear is out of stock and kiwi is unknown', evidence: [{ file: 'src/inventory.ts', line: 18 }], confidence: 'medium' }) });
    const result = await triageError(client, { text: fixtureOutput('node-esm-aggregate.txt', transpiled), root: transpiled, exclusion: await loadExclusion(transpiled) });
    assert.equal(result.kind, 'ok');
    const sent = llm.lastUserMessage() ?? '';
    assert.match(sent, /at take \(src\/inventory\.ts:18:11\)/);
    assert.match(sent, /`src\/inventory\.ts` — function take, frame at line 18/);
    assert.doesNotMatch(sent, /dist\//);
    assert.match(sent, /caused by:\n {2}- AggregateError: cannot reserve order o-17/);
  });

  it('tokens and e-mail addresses in the log never reach the server', async () => {
    const token = 'ghp_R8xk2LqP9vN3mZ7tW1yB5cD4fG6hJ0aS2eU8';
    const email = 'jane.doe@acme-shop.io';
    const log = `request by ${email} with Authorization: Bearer ${token}\n${fixtureOutput('mocha.txt', root).replace("Cannot read properties of undefined (reading 'cents')", `Cannot read properties of undefined (reading 'cents') for ${email} token=${token}`)}`;
    llm.enqueue({ kind: 'text', text: answer({ cause: 'unknown sku', evidence: [], confidence: 'low' }) });
    const result = await triageError(client, await input(log));
    assert.equal(result.kind, 'ok');
    const wire = JSON.stringify(llm.requests.map((r) => r.body));
    assert.ok(wire.includes('priceOf'), 'the trace itself was sent');
    assert.ok(!wire.includes(token), 'the token was redacted');
    assert.ok(!wire.includes(email), 'the e-mail was redacted');
  });

  it('a malformed answer twice: invalid, with the issues; nothing built', async () => {
    llm.enqueue({ kind: 'text', text: 'It is probably a bug somewhere.' }, { kind: 'text', text: answer({ cause: '', confidence: 'sure' }) });
    const result = await triageError(client, await input(fixtureOutput('jest.txt', root)));
    assert.equal(result.kind, 'invalid');
    assert.equal(llm.requests.length, 2, 'one repair turn');
  });

  for (const [what, file, reason] of [
    ['outside the project', '../outside.ts', /\.\."|outside|leave the project/],
    ['in node_modules', 'node_modules/x/index.ts', /node_modules/],
    ['not shown to the model', 'src/badTypes.ts', /not among the files shown/],
  ] as const) {
    it(`a fix for a file ${what} is refused with a reason; the cause is kept`, async () => {
      llm.enqueue({ kind: 'text', text: answer({ ...GOOD, fix: { summary: 'x', edits: [{ file, startLine: 1, endLine: 1 }] } }, ['// x']) });
      const result = await triageError(client, await input(fixtureOutput('vitest.txt', root)));
      assert.equal(result.kind, 'ok');
      if (result.kind === 'ok') {
        assert.equal(result.value.fix, undefined);
        assert.match(result.value.fixRefused ?? '', reason);
        assert.match(result.value.fixRefused ?? '', /Nothing was written/);
        assert.match(result.value.cause, /priceOf/);
      }
      assert.ok(!existsSync(join(root, '..', 'outside.ts')));
    });
  }

  it('a fix over lines that do not exist is refused', async () => {
    llm.enqueue({ kind: 'text', text: answer({ ...GOOD, fix: { summary: 'x', edits: [{ file: 'src/cart.ts', startLine: 40, endLine: 44 }] } }, [FIXED]) });
    const result = await triageError(client, await input(fixtureOutput('vitest.txt', root)));
    assert.match(result.kind === 'ok' ? (result.value.fixRefused ?? '') : '', /lines 40-44 of src\/cart\.ts do not exist/);
  });

  it('a file edited while the model answered makes the fix stale: refused, nothing written', async () => {
    llm.enqueue({ kind: 'text', text: answer(GOOD, [FIXED]), chunkSize: 40, chunkDelayMs: 30 });
    const pending = triageError(client, await input(fixtureOutput('jest.txt', root)));
    await llm.waitForRequests(1);
    const edited = `${readFileSync(join(root, 'src/cart.ts'), 'utf8')}// edited meanwhile\n`;
    writeFileSync(join(root, 'src/cart.ts'), edited);
    const result = await pending;
    assert.match(result.kind === 'ok' ? (result.value.fixRefused ?? '') : '', /src\/cart\.ts changed on disk since it was read/);
    assert.equal(readFileSync(join(root, 'src/cart.ts'), 'utf8'), edited);
  });

  it('files excluded by .routecraftignore are never read or sent; the frame stays in the report', async () => {
    writeFileSync(join(root, '.routecraftignore'), 'src/cart.ts\n');
    llm.enqueue({ kind: 'text', text: answer({ cause: 'unknown sku', evidence: [{ file: 'src/cart.ts', line: 13 }], confidence: 'low' }) });
    const result = await triageError(client, await input(fixtureOutput('mocha.txt', root)));
    assert.equal(result.kind, 'ok');
    const sent = llm.lastUserMessage() ?? '';
    assert.doesNotMatch(sent, /return entry\.cents|PRICES/, 'no code of the excluded file');
    assert.match(sent, /test\/mocha\.test\.ts/);
    if (result.kind === 'ok') {
      assert.ok(result.value.context.skipped.some((s) => s.startsWith('src/cart.ts:13') && s.includes('excluded')));
      assert.deepEqual(result.value.droppedEvidence.map((e) => e.file), ['src/cart.ts'], 'evidence in a file not shown is dropped');
    }
  });

  it('a huge log stays bounded: 400 failures send at most 6, and at most --max-lines of code', async () => {
    const one = fixtureOutput('jest.txt', root);
    const huge = Array.from({ length: 400 }, (_, i) => one.replace(/cart › checks out unknown fruit/g, `cart › case ${i}`)).join('\n');
    llm.enqueue({ kind: 'text', text: answer({ cause: 'x', evidence: [], confidence: 'low' }) });
    const result = await triageError(client, { ...(await input(huge)), maxLines: 40 });
    assert.equal(result.kind, 'ok');
    const sent = llm.lastUserMessage() ?? '';
    assert.ok(huge.length > 400_000 && sent.length < 8_000, `sent ${sent.length} chars of a ${huge.length}-char log`);
    assert.match(sent, /more failure\(s\) not shown/);
    const codeLines = sent.split('\n').filter((l) => /^\s*\d+ \| /.test(l)).length;
    assert.ok(codeLines <= 40, `${codeLines} code lines`);
  });

  it('text without any failure is refused before calling the model', async () => {
    const result = await triageError(client, await input('all good\n3 passing\n'));
    assert.equal(result.kind, 'failed');
    assert.match(result.kind === 'failed' ? result.error.message : '', /^No stack trace, test failure or compiler error was found/);
    assert.equal(llm.requests.length, 0);
  });
});
