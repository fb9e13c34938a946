import assert from 'node:assert/strict';
import { FakeLlmServer } from '../../support/fakeLlmServer';

describe('FakeLlmServer', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start({ responder: (req) => (JSON.stringify(req.body).includes('ping') ? { kind: 'text', text: 'pong' } : undefined) });
  });
  afterEach(async () => {
    await server.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers a text reply as JSON when the request does not stream', async () => {
    server.enqueue({ kind: 'text', text: 'hello', usage: { prompt_tokens: 3, completion_tokens: 1 } });
    const res = await post({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(res.headers.get('x-request-id'), 'req_1');
    const body = (await res.json()) as { id: string; choices: { message: { content: string } }[]; usage: { total_tokens: number } };
    assert.equal(body.id, 'chatcmpl-1');
    assert.equal(body.choices[0]!.message.content, 'hello');
    assert.equal(body.usage.total_tokens, 4);
    assert.equal(server.lastUserMessage(), 'hi');
  });

  it('streams SSE chunks, a finish chunk, a usage chunk and [DONE]', async () => {
    server.enqueue({ kind: 'text', text: 'abcdef', chunkSize: 4 });
    const res = await post({ model: 'm', messages: [], stream: true, stream_options: { include_usage: true } });
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const events = (await res.text()).split('\n\n').filter((e) => e !== '');
    assert.equal(events.at(-1), 'data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, '')) as { choices: { delta: { content?: string }; finish_reason: string | null }[]; usage?: unknown });
    assert.deepEqual(chunks.map((c) => c.choices[0]?.delta.content), ['', 'abcd', 'ef', undefined, undefined]);
    assert.equal(chunks[3]!.choices[0]!.finish_reason, 'stop');
    assert.ok(chunks[4]!.usage);
  });

  it('falls back to the responder, then to a 500 "no scripted reply"', async () => {
    const pong = (await (await post({ stream: false, messages: [{ role: 'user', content: 'ping' }] })).json()) as { choices: { message: { content: string } }[] };
    assert.equal(pong.choices[0]!.message.content, 'pong');
    const res = await post({ messages: [{ role: 'user', content: 'other' }] });
    assert.equal(res.status, 500);
    assert.match(await res.text(), /no scripted reply/);
  });

  it('lists models and records every request', async () => {
    const res = await fetch(`${server.baseUrl}/models`);
    const body = (await res.json()) as { data: { id: string }[] };
    assert.deepEqual(body.data.map((m) => m.id), ['fake-model']);
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), ['GET /v1/models']);
  });

  it('closes hung sockets on close()', async () => {
    server.enqueue({ kind: 'hang' });
    const pending = post({ messages: [] }).then(() => 'answered', () => 'socket closed');
    await server.waitForRequests(1);
    await server.close();
    assert.equal(await pending, 'socket closed');
    server = await FakeLlmServer.start();
  });
});
