import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAuditLog } from '../../../src/core/audit/fileAuditLog';
import type { AuditEntry } from '../../../src/core/audit/auditEntry';
import { DiskResponseCache } from '../../../src/core/cache/diskResponseCache';
import { createLlm } from '../../../src/core/gateway/createLlm';
import type { UsageRecord } from '../../../src/core/gateway/llmGateway';
import type { LlmClient } from '../../../src/core/llm/types';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const OPENAI_KEY = 'sk-proj-Q7fK2mZp9XwL4vB8nR1tY6uJ3hG5dS0aE2cV9bN7mK4pL1qW';
const EMAIL = 'grace.hopper@navy-example.org';
const prompt = `Explain:\nconst client = new OpenAI({ apiKey: '${OPENAI_KEY}' });\nsendMail('${EMAIL}');`;

interface Rig {
  llm: FakeLlmServer;
  client: LlmClient;
  audit: FileAuditLog;
  usage: UsageRecord[];
  auditLines(): AuditEntry[];
}

async function rig(options: { cache?: boolean } = {}): Promise<Rig> {
  const llm = await FakeLlmServer.start();
  const dir = mkdtempSync(join(tmpdir(), 'routecraft-gateway-'));
  const audit = new FileAuditLog({ path: join(dir, 'audit', 'audit.jsonl') });
  const usage: UsageRecord[] = [];
  const logger = recordingLogger();
  const client = createLlm(
    {
      llm: settingsFor(llm, { maxRetries: 0, timeoutMs: 2000 }),
      cache: options.cache === false ? undefined : new DiskResponseCache({ dir: join(dir, 'cache'), logger }),
      audit,
      usage: { record: (r) => usage.push(r) },
    },
    logger,
  );
  const auditLines = (): AuditEntry[] =>
    readFileSync(audit.path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
  return { llm, client, audit, usage, auditLines };
}

describe('LLM gateway (redaction → cache → transport → audit → usage)', () => {
  let r: Rig;
  afterEach(async () => {
    await r.llm.close();
  });

  it('sends no secret or personal data, and restores placeholders in what the user sees', async () => {
    r = await rig();
    r.llm.enqueue({ kind: 'text', text: 'It builds a client with <SECRET_1> and mails <EMAIL_1>.', chunkSize: 3 });
    const shown: string[] = [];
    const result = await r.client.chat({ purpose: 'explain', messages: [{ role: 'user', content: prompt }], onDelta: (d) => shown.push(d) });
    const sent = JSON.stringify(r.llm.requests[0]!.body);
    assert.ok(!sent.includes(OPENAI_KEY), 'the key never reached the server');
    assert.ok(!sent.includes(EMAIL), 'the email never reached the server');
    assert.match(sent, /<SECRET_1>/);
    assert.match(sent, /<EMAIL_1>/);
    assert.equal(result.kind, 'ok');
    const expected = `It builds a client with ${OPENAI_KEY} and mails ${EMAIL}.`;
    assert.equal(shown.join(''), expected, 'streamed pieces are restored too');
    if (result.kind === 'ok') {
      assert.equal(result.value.text, expected);
      assert.deepEqual(result.value.redactions, { SECRET: 1, EMAIL: 1 });
    }
  });

  it('never writes a secret back into code: it becomes an env lookup', async () => {
    r = await rig();
    r.llm.enqueue({ kind: 'text', text: "const key = '<SECRET_1>';" });
    const result = await r.client.chat({ purpose: 'endpoint', destination: 'code', messages: [{ role: 'user', content: prompt }] });
    assert.equal(result.kind === 'ok' && result.value.text, 'const key = process.env.SECRET_1;');
  });

  it('answers a repeated question from the cache: no request, 0 tokens spent, replayed at once', async () => {
    r = await rig();
    r.llm.enqueue({ kind: 'text', text: 'first answer', usage: { prompt_tokens: 50, completion_tokens: 5 } });
    const ask = (onDelta?: (d: string) => void, cache?: 'bypass'): ReturnType<LlmClient['chat']> =>
      r.client.chat({ purpose: 'explain', messages: [{ role: 'user', content: prompt }], onDelta, cache });
    assert.equal((await ask()).kind, 'ok');
    const replay: string[] = [];
    const second = await ask((d) => replay.push(d));
    assert.equal(r.llm.requests.length, 1, 'the server was asked once');
    assert.deepEqual(replay, ['first answer'], 'replayed as one piece');
    assert.equal(second.kind === 'ok' && second.value.cached, true);
    assert.deepEqual(r.usage.map((u) => [u.cached, u.promptTokens, u.completionTokens]), [[false, 50, 5], [true, 50, 5]]);

    r.llm.enqueue({ kind: 'text', text: 'fresh answer' });
    const fresh = await ask(undefined, 'bypass');
    assert.equal(fresh.kind === 'ok' && fresh.value.text, 'fresh answer');
    assert.equal(r.llm.requests.length, 2, 'bypass asks the server');
    assert.deepEqual(r.auditLines().map((e) => e.cache), ['miss', 'hit', 'bypass']);
  });

  it('writes one audit line per call, failed and cancelled included, with no secret in it', async () => {
    r = await rig({ cache: false });
    r.llm.enqueue({ kind: 'text', text: 'ok' }, { kind: 'status', status: 500, body: { error: { message: 'boom' } } }, { kind: 'hang' });
    const msg = [{ role: 'user' as const, content: prompt }];
    assert.equal((await r.client.chat({ purpose: 'explain', command: 'test', messages: msg })).kind, 'ok');
    assert.equal((await r.client.chat({ purpose: 'explain', messages: msg })).kind, 'failed');
    const controller = new AbortController();
    const pending = r.client.chat({ purpose: 'explain', messages: msg, signal: controller.signal });
    await r.llm.waitForRequests(3);
    controller.abort();
    assert.equal((await pending).kind, 'cancelled');

    const lines = r.auditLines();
    assert.equal(lines.length, 3, 'audit lines equal calls made');
    assert.deepEqual(lines.map((l) => l.outcome), ['ok', 'error', 'cancelled']);
    assert.equal(lines[1]!.status, 500);
    assert.equal(lines[0]!.command, 'test');
    assert.deepEqual(lines[0]!.redactions, { SECRET: 1, EMAIL: 1 });
    assert.equal(lines[0]!.host, new URL(r.llm.baseUrl).host);
    const raw = readFileSync(r.audit.path, 'utf8');
    assert.ok(!raw.includes(OPENAI_KEY) && !raw.includes(EMAIL) && !raw.includes('Explain:'), 'no secret, no prompt text');
  });

  it('audits an answer that fails validation as invalid and never caches it', async () => {
    r = await rig();
    r.llm.enqueue({ kind: 'text', text: 'not json' }, { kind: 'text', text: '{"ok":true}' });
    const validate = (text: string): string[] => (text.startsWith('{') ? [] : ['(answer): no JSON']);
    const msg = [{ role: 'user' as const, content: 'give json' }];
    await r.client.chat({ purpose: 'spec', messages: msg, validate });
    const second = await r.client.chat({ purpose: 'spec', messages: msg, validate });
    assert.equal(second.kind === 'ok' && second.value.text, '{"ok":true}', 'the invalid answer was not replayed from the cache');
    assert.deepEqual(r.auditLines().map((l) => [l.outcome, l.cache]), [['invalid', 'miss'], ['ok', 'miss']]);
  });
});
