import assert from 'node:assert/strict';
import { AuditEntrySchema } from '../../../src/core/audit/auditEntry';
import { buildAuditEntry, hostOf } from '../../../src/core/audit/buildAuditEntry';
import { promptHash } from '../../../src/core/audit/promptHash';
import { estimateUsage } from '../../../src/core/audit/tokenEstimate';
import { RoutecraftError } from '../../../src/core/errors';
import { okCall } from './auditFixtures';

const SECRET = 'sk-proj-Zx9verySecretValue123456';

describe('buildAuditEntry', () => {
  it('builds a valid line from server usage: host only, hash, counts, outcome', async () => {
    const entry = await buildAuditEntry(okCall());
    assert.deepEqual(entry, {
      v: 1,
      time: '2025-05-01T10:00:00.000Z',
      purpose: 'explain',
      command: 'routecraft.explainSelection',
      model: 'gpt-4.1-mini',
      host: 'api.example.com:8443',
      requestId: 'req_abc',
      promptHash: promptHash(okCall().messages),
      tokensIn: 42,
      tokensOut: 7,
      tokensEstimated: false,
      redactions: { 'api-key': 1 },
      cache: 'miss',
      durationMs: 1234,
      outcome: 'ok',
    });
    assert.ok(AuditEntrySchema.safeParse(entry).success);
  });

  it('estimates tokens with the tokenizer when the server reports no usage', async () => {
    const call = okCall({ result: { kind: 'ok', value: { text: 'It declares a constant named key.', model: 'm' } } });
    const entry = await buildAuditEntry(call);
    assert.equal(entry.tokensEstimated, true);
    const expected = await estimateUsage(call.messages, 'It declares a constant named key.');
    assert.equal(entry.tokensIn, expected.promptTokens);
    assert.equal(entry.tokensOut, expected.completionTokens);
    assert.ok(entry.tokensIn > 10 && entry.tokensIn < 40, `tokensIn ${entry.tokensIn}`);
    assert.ok(entry.tokensOut >= 5 && entry.tokensOut <= 10, `tokensOut ${entry.tokensOut}`);
  });

  it('counts special-token text in a prompt as text instead of failing', async () => {
    const usage = await estimateUsage([{ role: 'user', content: 'end <|endoftext|> here' }], '');
    assert.ok(usage.promptTokens > 6);
    assert.equal(usage.completionTokens, 0);
  });

  it('never carries secrets from the prompt text when includePrompt is off', async () => {
    const call = okCall({ messages: [{ role: 'user', content: `my key is ${SECRET} and Bearer abc.def.ghi` }] });
    const line = JSON.stringify(await buildAuditEntry(call));
    assert.doesNotMatch(line, /sk-proj|Bearer|api-key=|user:pw|verySecret/);
    assert.doesNotMatch(line, /my key is/);
  });

  it('includes the prompt only when asked, and scrubs key-shaped values even then', async () => {
    const call = okCall({ messages: [{ role: 'user', content: `my key is ${SECRET}` }] });
    const entry = await buildAuditEntry(call, { includePrompt: true });
    assert.equal(entry.prompt, 'user: my key is [redacted]');
  });

  it('records failures with status and error code, and estimates the prompt side', async () => {
    const entry = await buildAuditEntry(okCall({ result: { kind: 'failed', error: new RoutecraftError('llm-http', 'Server said 429', undefined, 429) } }));
    assert.equal(entry.outcome, 'error');
    assert.equal(entry.status, 429);
    assert.equal(entry.errorCode, 'llm-http');
    assert.equal(entry.tokensEstimated, true);
    assert.equal(entry.tokensOut, 0);
    assert.equal(entry.requestId, undefined);
  });

  it('records invalid answers (issue count, raw text estimated) and cancellations', async () => {
    const invalid = await buildAuditEntry(okCall({ result: { kind: 'invalid', issues: ['a', 'b'], raw: 'not json at all' } }));
    assert.equal(invalid.outcome, 'invalid');
    assert.equal(invalid.issues, 2);
    assert.ok(invalid.tokensOut > 0);
    const cancelled = await buildAuditEntry(okCall({ result: { kind: 'cancelled' }, cache: 'bypass' }));
    assert.equal(cancelled.outcome, 'cancelled');
    assert.equal(cancelled.cache, 'bypass');
  });

  it('drops zero and malformed redaction counts', async () => {
    const entry = await buildAuditEntry(okCall({ redactions: { email: 2, token: 0, odd: 1.5 } }));
    assert.deepEqual(entry.redactions, { email: 2 });
  });

  it('hashes equal prompts equally and different prompts differently', () => {
    const a = promptHash([{ role: 'user', content: 'x' }]);
    assert.equal(a, promptHash([{ content: 'x', role: 'user' }]));
    assert.notEqual(a, promptHash([{ role: 'user', content: 'y' }]));
  });

  it('hostOf keeps host and port only', () => {
    assert.equal(hostOf('http://localhost:11434/v1'), 'localhost:11434');
    assert.equal(hostOf('https://k:s@api.openai.com/v1?key=1#x'), 'api.openai.com');
    assert.equal(hostOf('not a url'), 'unknown');
  });

  it('the schema rejects unknown fields (no accidental leak of extra data)', async () => {
    const entry = await buildAuditEntry(okCall());
    assert.equal(AuditEntrySchema.safeParse({ ...entry, apiKey: SECRET }).success, false);
  });
});
