import assert from 'node:assert/strict';
import { z } from 'zod';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import { askStructured, type StructuredAnswer } from '../../../src/core/llm/structured';
import type { LlmResult } from '../../../src/core/llm/types';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const EndpointSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  path: z.string().startsWith('/'),
  params: z.array(z.object({ name: z.string(), type: z.string() })),
});
type Endpoint = z.infer<typeof EndpointSchema>;

const good: Endpoint = { method: 'GET', path: '/users/{id}', params: [{ name: 'id', type: 'string' }] };
const messages = [{ role: 'user' as const, content: 'Add GET /users/:id' }];

function okValue(result: LlmResult<StructuredAnswer<Endpoint>>): StructuredAnswer<Endpoint> {
  assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 500));
  return (result as { value: StructuredAnswer<Endpoint> }).value;
}

function bodyMessages(server: FakeLlmServer, index: number): { role: string; content: string }[] {
  return (server.requests[index]!.body as { messages: { role: string; content: string }[] }).messages;
}

describe('askStructured through the fake server', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const ask = (extra: { signal?: AbortSignal; describe?: string } = {}) =>
    askStructured(createLlmClient(settingsFor(server), recordingLogger()), { schema: EndpointSchema, messages, purpose: 'endpoint', ...extra });

  it('accepts bare JSON and tells the model the schema and the no-code-in-JSON rule', async () => {
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    const answer = okValue(await ask({ describe: 'the endpoint to add' }));
    assert.deepEqual(answer.value, good);
    assert.equal(answer.repaired, false);
    assert.deepEqual(answer.codeBlocks, []);
    const sent = bodyMessages(server, 0);
    assert.equal(sent[0]!.role, 'system');
    assert.match(sent[0]!.content, /^  method: "GET"\|"POST"\|"PUT"\|"DELETE"$/m);
    assert.match(sent[0]!.content, /Never put code inside JSON strings; put code in fenced blocks after the JSON/);
    assert.match(sent[0]!.content, /the endpoint to add/);
    assert.deepEqual(sent[1], messages[0]);
  });

  it('appends the instructions to an existing system message instead of adding a second one', async () => {
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    const client = createLlmClient(settingsFor(server), recordingLogger());
    okValue(await askStructured(client, { schema: EndpointSchema, purpose: 'p', messages: [{ role: 'system', content: 'You are Routecraft.' }, ...messages] }));
    const sent = bodyMessages(server, 0);
    assert.equal(sent.filter((m) => m.role === 'system').length, 1);
    assert.match(sent[0]!.content, /^You are Routecraft\.\n\n/);
  });

  it('accepts JSON in a fenced block with prose around it', async () => {
    server.enqueue({ kind: 'text', text: `Here is the endpoint:\n\n\`\`\`json\n${JSON.stringify(good, null, 2)}\n\`\`\`\nLet me know!` });
    assert.deepEqual(okValue(await ask()).value, good);
  });

  it('accepts JSON amid prose without a fence', async () => {
    server.enqueue({ kind: 'text', text: `Sure. ${JSON.stringify(good)} That is all.` });
    assert.deepEqual(okValue(await ask()).value, good);
  });

  it('returns the code blocks beside the JSON, but not the JSON block itself', async () => {
    const text = [
      '```json',
      JSON.stringify(good),
      '```',
      '```ts',
      'return res.json(await users.find(req.params.id));',
      '```',
      '```ts test',
      "it('works', () => {});",
      '```',
    ].join('\n');
    server.enqueue({ kind: 'text', text, chunkSize: 7 });
    const answer = okValue(await ask());
    assert.deepEqual(answer.codeBlocks.map((b) => [b.lang, b.info, b.code]), [
      ['ts', 'ts', 'return res.json(await users.find(req.params.id));'],
      ['ts', 'ts test', "it('works', () => {});"],
    ]);
  });

  it('sends one repair turn quoting the issue paths, and accepts the corrected JSON', async () => {
    const wrong = { ...good, method: 'FETCH', params: [{ name: 'id', type: 7 }] };
    server.enqueue(
      { kind: 'text', text: `${JSON.stringify(wrong)}\n\`\`\`ts\nconst handler = 1;\n\`\`\`` },
      { kind: 'text', text: JSON.stringify(good) },
    );
    const answer = okValue(await ask());
    assert.deepEqual(answer.value, good);
    assert.equal(answer.repaired, true);
    assert.equal(server.requests.length, 2);
    const repair = server.lastUserMessage() ?? '';
    assert.match(repair, /^- method: /m);
    assert.match(repair, /^- params\[0\]\.type: /m);
    assert.match(repair, /corrected JSON only/);
    const second = bodyMessages(server, 1);
    assert.equal(second.at(-2)!.role, 'assistant');
    assert.match(second.at(-2)!.content, /FETCH/);
    assert.deepEqual(answer.codeBlocks.map((b) => b.code), ['const handler = 1;'], 'code from the first answer is kept');
  });

  it('repairs an answer that had no JSON at all', async () => {
    server.enqueue({ kind: 'text', text: 'I think you want a GET endpoint.' }, { kind: 'text', text: JSON.stringify(good) });
    assert.deepEqual(okValue(await ask()).value, good);
    assert.match(server.lastUserMessage() ?? '', /\(answer\): no JSON object or array was found/);
  });

  it('returns invalid with the issues and the raw answer when the repair is still wrong', async () => {
    server.enqueue({ kind: 'text', text: '{"method": "GET"}' }, { kind: 'text', text: '{"method": "GET", "path": "users"}' });
    const result = await ask();
    assert.equal(result.kind, 'invalid');
    assert.ok(result.kind === 'invalid');
    assert.equal(result.raw, '{"method": "GET", "path": "users"}');
    assert.ok(result.issues.some((i) => i.startsWith('path: ')), result.issues.join('\n'));
    assert.ok(result.issues.some((i) => i.startsWith('params: ')), result.issues.join('\n'));
    assert.equal(server.requests.length, 2);
  });

  it('handles a hostile answer (huge nested junk) without hanging, and bounds the echoed answer', async () => {
    const junk = `${'['.repeat(50_000)}${'{"a":'.repeat(2000)} ${'x'.repeat(200_000)}`;
    server.enqueue({ kind: 'text', text: junk, chunkSize: 50_000 }, { kind: 'text', text: junk, chunkSize: 50_000 });
    const started = Date.now();
    const result = await ask();
    assert.equal(result.kind, 'invalid');
    assert.ok(Date.now() - started < 5000);
    const echoed = bodyMessages(server, 1).at(-2)!.content;
    assert.ok(echoed.length < 13_000, `echoed ${echoed.length} chars`);
  });

  it('passes failures through without a repair turn', async () => {
    server.enqueue({ kind: 'status', status: 401 });
    const result = await ask();
    assert.equal(result.kind, 'failed');
    assert.equal(server.requests.length, 1);
  });

  it('passes cancellation through', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.equal((await ask({ signal: controller.signal })).kind, 'cancelled');
  });
});
