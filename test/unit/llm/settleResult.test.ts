import assert from 'node:assert/strict';
import { z } from 'zod';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import { settleLlmResult } from '../../../src/core/llm/settleResult';
import { askStructured } from '../../../src/core/llm/structured';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const AnswerSchema = z.object({ cause: z.string().min(1) });
type Settled = { kind: 'ok'; cause: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

describe('settleLlmResult: the one switch over an LLM result, fed by the fake server', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  async function settle(signal?: AbortSignal): Promise<{ settled: Settled; calls: string[] }> {
    const calls: string[] = [];
    const result = await askStructured(createLlmClient(settingsFor(server), recordingLogger()), {
      schema: AnswerSchema, messages: [{ role: 'user', content: 'Why does it fail?' }], purpose: 'test', ...(signal ? { signal } : {}),
    });
    const settled = settleLlmResult<{ value: { cause: string } }, Settled>(result, {
      ok: (answer) => (calls.push('ok'), { kind: 'ok', cause: answer.value.cause }),
      cancelled: () => (calls.push('cancelled'), { kind: 'cancelled' }),
      failed: (message) => (calls.push('failed'), { kind: 'failed', message }),
      invalidMessage: (issues) => `unusable answer: ${issues.join('; ')}`,
    });
    return { settled, calls };
  }

  it('a good answer goes to ok with the parsed value', async () => {
    server.enqueue({ kind: 'text', text: '{"cause": "the port is taken"}' });
    assert.deepEqual(await settle(), { settled: { kind: 'ok', cause: 'the port is taken' }, calls: ['ok'] });
  });

  it('an answer that stays invalid after the repair turn goes to failed, with the issues in the invalid message', async () => {
    server.enqueue({ kind: 'text', text: '{"cause": ""}' }, { kind: 'text', text: '{"reason": "no"}' });
    const { settled, calls } = await settle();
    assert.deepEqual(calls, ['failed']);
    assert.equal(settled.kind, 'failed');
    assert.match((settled as { message: string }).message, /^unusable answer: cause: /);
  });

  it('a failed call (HTTP 401) goes to failed with the error\'s message', async () => {
    server.enqueue({ kind: 'status', status: 401 });
    const { settled, calls } = await settle();
    assert.deepEqual(calls, ['failed']);
    assert.ok(settled.kind === 'failed' && settled.message.length > 0 && !settled.message.startsWith('unusable answer'), JSON.stringify(settled));
  });

  it('an aborted call goes to cancelled only', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.deepEqual(await settle(controller.signal), { settled: { kind: 'cancelled' }, calls: ['cancelled'] });
  });
});
