import assert from 'node:assert/strict';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import { createRedactor, restore } from '../../../src/core/privacy';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';
import { CORPUS } from './corpus';

/** Every form a secret could take on the wire: as is, JSON-escaped, and with JSON's `\/`. */
function wireForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, json, json.replace(/\//g, '\\/')])];
}

describe('privacy: redacted prompts through the real openai client and a fake server', () => {
  let server: FakeLlmServer;
  before(async () => {
    server = await FakeLlmServer.start();
  });
  after(async () => {
    await server.close();
  });

  it('no corpus secret reaches the server, sample by sample', async () => {
    const redactor = createRedactor();
    const client = createLlmClient(settingsFor(server), recordingLogger());
    for (const sample of CORPUS) {
      server.enqueue({ kind: 'text', text: 'ok' });
      const { messages } = redactor.redactMessages([
        { role: 'system', content: 'You help with backend code.' },
        { role: 'user', content: `Please look at this:\n${sample.text}` },
      ]);
      const result = await client.chat({ messages, purpose: 'privacy-test' });
      assert.equal(result.kind, 'ok', result.kind === 'failed' ? result.error.message : result.kind);
    }
    assert.equal(server.requests.length, CORPUS.length);
    server.requests.forEach((request, i) => {
      const wire = JSON.stringify(request.body) + JSON.stringify(request.headers);
      const sample = CORPUS[i]!;
      for (const form of wireForms(sample.secret)) {
        assert.ok(!wire.includes(form), `[${sample.category}] secret reached the server: ${form}`);
      }
      assert.match(wire, /<[A-Z_]+_\d+>/);
    });
  });

  it('sends the whole corpus in one request with shared numbering, and restores the echoed answer for display', async () => {
    const redactor = createRedactor();
    const client = createLlmClient(settingsFor(server), recordingLogger());
    const result = redactor.redactMessages(CORPUS.map((sample) => ({ role: 'user' as const, content: sample.text })));
    const echoed = result.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n---\n');
    server.enqueue({ kind: 'text', text: echoed });
    const answer = await client.chat({ messages: result.messages, purpose: 'privacy-test' });
    assert.ok(answer.kind === 'ok');
    const wire = JSON.stringify(server.requests.at(-1)?.body);
    for (const sample of CORPUS) {
      for (const form of wireForms(sample.secret)) {
        assert.ok(!wire.includes(form), `[${sample.category}] secret reached the server: ${form}`);
      }
    }
    assert.equal(restore(answer.value.text, result.placeholders, { mode: 'display' }), CORPUS.map((s) => s.text).join('\n---\n'));
  });
});
