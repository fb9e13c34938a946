import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from '../../../src/core/audit/auditEntry';
import { FileAuditLog } from '../../../src/core/audit/fileAuditLog';
import { DiskResponseCache } from '../../../src/core/cache/diskResponseCache';
import { createLlm } from '../../../src/core/gateway/createLlm';
import { StructuredOutputMemo } from '../../../src/core/llm/responseFormat';
import { askStructured } from '../../../src/core/llm/structured';
import type { LlmClient, LlmSettings } from '../../../src/core/llm/types';
import { UsageTracker } from '../../../src/core/usage/usageTracker';
import { FakeLlmServer, type FakeLlmServerOptions } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const Schema = z.object({ name: z.string(), fields: z.array(z.object({ name: z.string(), type: z.enum(['string', 'number']) })) });
const answer = JSON.stringify({ name: 'user', fields: [{ name: 'email', type: 'string' }] });
const messages = [{ role: 'user' as const, content: 'A user with an email.' }];

interface Rig {
  server: FakeLlmServer;
  lines: string[];
  usage: UsageTracker;
  client(overrides?: Partial<LlmSettings>): LlmClient;
  entries(): AuditEntry[];
}

/** The CLI's and the editor's path: the gateway with audit, usage, cache and a session memo. */
async function rig(options: FakeLlmServerOptions = {}): Promise<Rig> {
  const server = await FakeLlmServer.start(options);
  const dir = mkdtempSync(join(tmpdir(), 'routecraft-tokens-'));
  const audit = new FileAuditLog({ path: join(dir, 'audit.jsonl') });
  const usage = new UsageTracker();
  const logger = recordingLogger();
  const cache = new DiskResponseCache({ dir: join(dir, 'cache'), logger });
  const memo = new StructuredOutputMemo();
  return {
    server,
    lines: logger.lines,
    usage,
    client: (overrides = {}) => createLlm({ llm: settingsFor(server, overrides), audit, usage, cache, structuredOutput: memo }, logger),
    entries: () => readFileSync(audit.path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry),
  };
}

describe('token counts in and out, in the usage line and the audit log', () => {
  let r: Rig;
  afterEach(async () => {
    await r.server.close();
  });

  it('takes both counts from the streamed usage chunk (stream_options.include_usage)', async () => {
    r = await rig();
    r.server.enqueue({ kind: 'text', text: answer, usage: { prompt_tokens: 412, completion_tokens: 37 } });
    const result = await askStructured(r.client(), { schema: Schema, messages, purpose: 'entity' });
    assert.equal(result.kind, 'ok');
    assert.deepEqual((r.server.requests[0]!.body as { stream_options: unknown }).stream_options, { include_usage: true });
    const [entry] = r.entries();
    assert.equal(entry?.tokensIn, 412);
    assert.equal(entry?.tokensOut, 37);
    assert.equal(entry?.tokensEstimated, false);
    assert.match(r.usage.summaryLine(), /^1 call, 412 tokens in \/ 37 out, ≈ /);
    assert.doesNotMatch(r.usage.summaryLine(), /estimated/);
    assert.ok(r.lines.includes('info [usage] entity: 412 tokens in / 37 out, ok'), r.lines.join('\n'));
  });

  it('estimates both counts when the server reports none, marks them, and counts the response_format schema as prompt', async () => {
    r = await rig();
    r.server.enqueue({ kind: 'text', text: answer, usage: 'none' }, { kind: 'text', text: answer, usage: 'none' });
    assert.equal((await askStructured(r.client({ structuredOutput: 'off' }), { schema: Schema, messages, purpose: 'entity' })).kind, 'ok');
    assert.equal((await askStructured(r.client(), { schema: Schema, messages, purpose: 'entity' })).kind, 'ok');
    const [plain, structured] = r.entries();
    assert.ok(plain && structured);
    assert.equal(plain.tokensEstimated, true);
    assert.equal(structured.tokensEstimated, true);
    assert.ok(plain.tokensIn > 20, `prompt estimated at ${String(plain.tokensIn)}`);
    assert.ok(structured.tokensIn >= plain.tokensIn + 30, `the schema sent as response_format counts: ${String(structured.tokensIn)} vs ${String(plain.tokensIn)}`);
    assert.ok(plain.tokensOut > 5 && plain.tokensOut === structured.tokensOut);
    assert.match(r.usage.summaryLine(), /^2 calls, [\d,]+ tokens in \/ [\d,]+ out \(partly estimated\)/);
    assert.equal(r.lines.filter((l) => /^info \[usage\] entity: \d+ tokens in \/ \d+ out \(estimated\), ok$/.test(l)).length, 2, r.lines.join('\n'));
  });

  it('audits the refusal (400, no tokens counted) and the fallback call, and caches the two paths apart', async () => {
    r = await rig({ responseFormat: 'refuse-400' });
    r.server.enqueue({ kind: 'text', text: answer, usage: { prompt_tokens: 300, completion_tokens: 20 } });
    assert.equal((await askStructured(r.client(), { schema: Schema, messages, purpose: 'entity' })).kind, 'ok');
    const [refused, fallback] = r.entries();
    assert.equal(refused?.outcome, 'error');
    assert.equal(refused.status, 400);
    assert.equal(fallback?.outcome, 'ok');
    assert.equal(fallback.tokensIn, 300);
    assert.match(r.usage.summaryLine(), /^1 call, 300 tokens in \/ 20 out/);
    // The prompt-only answer is cached under the prompt-only key: the same request replays it.
    assert.equal((await askStructured(r.client(), { schema: Schema, messages, purpose: 'entity' })).kind, 'ok');
    assert.equal(r.server.requests.length, 2, 'memo skips the refusal; cache answers');
    assert.equal(r.entries().at(-1)?.cache, 'hit');
  });

  it('does not replay a prompt-only cached answer for a structured-output request', async () => {
    r = await rig();
    r.server.enqueue({ kind: 'text', text: answer }, { kind: 'text', text: answer });
    await askStructured(r.client({ structuredOutput: 'off' }), { schema: Schema, messages, purpose: 'entity' });
    await askStructured(r.client(), { schema: Schema, messages, purpose: 'entity' });
    assert.equal(r.server.requests.length, 2);
    assert.deepEqual(r.entries().map((e) => e.cache), ['miss', 'miss']);
  });
});
