import assert from 'node:assert/strict';
import { explainCode } from '../../../src/core/explain';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const file = `export function add(a: number, b: number): number {
  return a + b;
}

export function total(items: number[]): number {
  return items.reduce((sum, n) => add(sum, n), 0);
}
`;
const start = file.indexOf('return items');
const end = file.indexOf('0);') + 3;

describe('explainCode through a real OpenAI-protocol server', () => {
  let llm: FakeLlmServer;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await llm.close();
  });

  it('streams the answer in order and sends the selection with its grounding', async () => {
    const answer = '## Summary\n`total` sums the list by calling `add`.\n';
    llm.enqueue({ kind: 'text', text: answer, chunkSize: 5 });
    const deltas: string[] = [];
    const result = await explainCode(
      createLlmClient(settingsFor(llm), recordingLogger()),
      { displayPath: 'src/math.ts', fileText: file, start, end, maxLines: 100 },
      { onDelta: (d) => deltas.push(d) },
    );
    assert.equal(result.kind, 'ok');
    assert.ok(deltas.length > 3, 'arrived in several pieces');
    assert.equal(deltas.join(''), answer);
    if (result.kind === 'ok') {
      assert.equal(result.value.answer.text, answer);
      assert.equal(result.value.context.enclosing?.label, 'function total');
    }
    assert.equal(llm.requests.length, 1);
    const sent = llm.lastUserMessage() ?? '';
    assert.match(sent, /return items\.reduce\(\(sum, n\) => add\(sum, n\), 0\);/);
    assert.match(sent, /function add \(lines 1-3\)/, 'the called function is sent as grounding');
    const body = llm.requests[0]!.body as { stream: boolean; model: string; messages: { role: string }[] };
    assert.equal(body.stream, true);
    assert.equal(body.model, 'fake-model');
    assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
  });

  it('stops when cancelled mid-stream and reports cancelled, not an error', async () => {
    llm.enqueue({ kind: 'text', text: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 20 });
    const controller = new AbortController();
    let received = 0;
    const result = await explainCode(
      createLlmClient(settingsFor(llm), recordingLogger()),
      { displayPath: 'src/math.ts', fileText: file, start, end, maxLines: 100 },
      {
        signal: controller.signal,
        onDelta: (d) => {
          received += d.length;
          if (received >= 20) {
            controller.abort();
          }
        },
      },
    );
    assert.deepEqual(result, { kind: 'cancelled' });
    assert.ok(received < 400);
    await llm.waitForClientDisconnects(1);
  });

  it('returns a clear failure naming the server when the server errors', async () => {
    llm.enqueue({ kind: 'status', status: 500, body: { error: { message: 'model crashed' } } });
    const result = await explainCode(
      createLlmClient(settingsFor(llm), recordingLogger()),
      { displayPath: 'src/math.ts', fileText: file, start, end, maxLines: 100 },
    );
    assert.equal(result.kind, 'failed');
    if (result.kind === 'failed') {
      assert.ok(result.error.message.includes(llm.baseUrl), result.error.message);
      assert.match(result.error.message, /500/);
    }
  });
});
