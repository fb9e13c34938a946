import assert from 'node:assert/strict';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import type { ChatAnswer, LlmResult, LlmSettings } from '../../../src/core/llm/types';
import type { RoutecraftError } from '../../../src/core/errors';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Say hello.' },
];

function okValue(result: LlmResult<ChatAnswer>): ChatAnswer {
  assert.equal(result.kind, 'ok', result.kind === 'failed' ? result.error.message : result.kind);
  return (result as { value: ChatAnswer }).value;
}

function failure(result: LlmResult<ChatAnswer>): RoutecraftError {
  assert.equal(result.kind, 'failed', `expected failed, got ${result.kind}`);
  return (result as { error: RoutecraftError }).error;
}

describe('createLlmClient over the real openai client', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const chat = (overrides: Partial<LlmSettings> = {}, extra: { signal?: AbortSignal; onDelta?: (t: string) => void } = {}) => {
    const logger = recordingLogger();
    const client = createLlmClient(settingsFor(server, overrides), logger);
    const started = Date.now();
    return client.chat({ messages, purpose: 'test', ...extra }).then((result) => ({ result, logger, ms: Date.now() - started }));
  };

  it('streams deltas in order, joins them, and captures usage, model, request id and finish reason', async () => {
    server.enqueue({ kind: 'text', text: 'Hello there, friend. ✓ 👋 done', chunkSize: 5, usage: { prompt_tokens: 11, completion_tokens: 7 } });
    const deltas: string[] = [];
    const { result, logger } = await chat({}, { onDelta: (t) => deltas.push(t) });
    const answer = okValue(result);
    assert.equal(answer.text, 'Hello there, friend. ✓ 👋 done');
    assert.ok(deltas.length > 3);
    assert.equal(deltas.join(''), answer.text);
    assert.deepEqual(answer.usage, { promptTokens: 11, completionTokens: 7 });
    assert.equal(answer.model, 'fake-model');
    assert.equal(answer.requestId, 'req_1');
    assert.equal(answer.finishReason, 'stop');
    assert.ok(logger.lines.some((l) => l.includes('POST') && l.includes('/chat/completions') && l.includes('200')));
  });

  it('always streams and sends model, temperature, messages and the key', async () => {
    server.enqueue({ kind: 'text', text: 'hi' });
    const { result, logger } = await chat({ temperature: 0.7, model: 'm-1' });
    okValue(result);
    assert.equal(server.requests.length, 1);
    const req = server.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/v1/chat/completions');
    assert.deepEqual(req.body, {
      model: 'm-1',
      messages,
      temperature: 0.7,
      stream: true,
      stream_options: { include_usage: true },
    });
    assert.equal(req.headers['authorization'], 'Bearer test-key-123456');
    assert.equal(server.lastUserMessage(), 'Say hello.');
    assert.ok(logger.lines.every((l) => !l.includes('test-key-123456')));
  });

  it('sends no Authorization header at all when no key is configured', async () => {
    server.enqueue({ kind: 'text', text: 'hi' });
    okValue((await chat({ apiKey: '' })).result);
    assert.equal(server.requests[0]!.headers['authorization'], undefined);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, { kind: 'text', text: 'late but fine' });
    const { result, ms, logger } = await chat({ maxRetries: 2 });
    assert.equal(okValue(result).text, 'late but fine');
    assert.equal(server.requests.length, 2);
    assert.ok(ms >= 950, `waited only ${ms} ms`);
    assert.ok(logger.lines.some((l) => l.includes('#1') && l.includes('429')));
    assert.ok(logger.lines.some((l) => l.includes('#2') && l.includes('200')));
  });

  it('retries 5xx up to maxRetries and succeeds', async () => {
    const fast = { 'retry-after-ms': '5' };
    server.enqueue({ kind: 'status', status: 500, headers: fast }, { kind: 'status', status: 500, headers: fast }, { kind: 'text', text: 'ok' });
    const { result } = await chat({ maxRetries: 2 });
    assert.equal(okValue(result).text, 'ok');
    assert.equal(server.requests.length, 3);
  });

  it('fails on 500 without retries, naming the status and URL', async () => {
    server.enqueue({ kind: 'status', status: 500, body: { error: { message: 'CUDA out of memory' } } });
    const error = failure((await chat({ maxRetries: 0 })).result);
    assert.equal(server.requests.length, 1);
    assert.equal(error.code, 'llm-http');
    assert.equal(error.status, 500);
    assert.match(error.message, /500 Internal Server Error/);
    assert.ok(error.message.includes(server.baseUrl));
    assert.match(error.message, /CUDA out of memory/);
  });

  it('reports 429 after exhausting retries with the attempt count', async () => {
    const fast = { 'retry-after-ms': '5' };
    server.enqueue({ kind: 'status', status: 429, headers: fast }, { kind: 'status', status: 429, headers: fast });
    const error = failure((await chat({ maxRetries: 1 })).result);
    assert.equal(error.status, 429);
    assert.match(error.message, /429 Too Many Requests \(2 attempts\)/);
    assert.match(error.message, /routecraft\.llm\.maxRetries/);
  });

  it('maps 401 to an auth error and does not retry it', async () => {
    server.enqueue({ kind: 'status', status: 401, body: { error: { message: 'Invalid API key' } } });
    const error = failure((await chat({ maxRetries: 3 })).result);
    assert.equal(server.requests.length, 1);
    assert.equal(error.code, 'llm-auth');
    assert.equal(error.status, 401);
    assert.match(error.message, /401 Unauthorized: the API key was rejected/);
    assert.match(error.message, /Routecraft: Set API Key/);
  });

  it('maps 404 model-not-found to a message naming the model and the setting', async () => {
    server.enqueue({ kind: 'status', status: 404, body: { error: { message: 'model "qwen9:1b" not found, try pulling it first' } } });
    const error = failure((await chat({ model: 'qwen9:1b' })).result);
    assert.equal(error.status, 404);
    assert.match(error.message, /model 'qwen9:1b' was not found/);
    assert.match(error.message, /routecraft\.llm\.model/);
  });

  it('maps a bare 404 (wrong base URL) to a hint about /v1', async () => {
    server.enqueue({ kind: 'raw', status: 404, contentType: 'text/plain', body: '404 page not found' });
    const error = failure((await chat()).result);
    assert.equal(error.status, 404);
    assert.match(error.message, /routecraft\.llm\.baseUrl/);
    assert.match(error.message, /\/v1/);
  });

  it('never puts the API key in messages, details or logs, even when the server echoes it', async () => {
    const key = 'sk-live-VERYSECRET-0123456789';
    server.enqueue({ kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${key}. Bearer ${key}` } } });
    server.enqueue({ kind: 'status', status: 400, body: { error: { message: `bad request for key ${key}` } } });
    server.enqueue({ kind: 'raw', body: `{"oops": "${key}"` });
    for (let i = 0; i < 3; i += 1) {
      const { result, logger } = await chat({ apiKey: key });
      const error = failure(result);
      assert.ok(!error.message.includes(key), error.message);
      assert.ok(!(error.detail ?? '').includes(key), error.detail);
      assert.ok(!error.message.includes('VERYSECRET'));
      assert.ok(logger.lines.every((l) => !l.includes(key)));
    }
  });

  it('times out a server that never answers, within a bounded time', async () => {
    server.enqueue({ kind: 'hang' });
    const { result, ms } = await chat({ timeoutMs: 300, maxRetries: 0 });
    const error = failure(result);
    assert.equal(error.code, 'llm-timeout');
    assert.match(error.message, /did not answer within 0\.3 s/);
    assert.match(error.message, /routecraft\.llm\.timeoutSeconds/);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('times out a stream that stalls between chunks (idle timeout)', async () => {
    server.enqueue({ kind: 'text', text: 'slow slow slow', chunkSize: 5, chunkDelayMs: 700 });
    const { result, ms } = await chat({ timeoutMs: 300, maxRetries: 0 });
    const error = failure(result);
    assert.equal(error.code, 'llm-timeout');
    assert.match(error.message, /stopped sending for 0\.3 s/);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('reports a cut stream as interrupted, not as a short success', async () => {
    server.enqueue({ kind: 'cut', text: 'This answer will be cut off halfway through', afterChunks: 2 });
    const deltas: string[] = [];
    const error = failure((await chat({}, { onDelta: (t) => deltas.push(t) })).result);
    assert.equal(error.code, 'llm-stream-interrupted');
    assert.match(error.message, /broke off its answer after 16 characters/);
    assert.equal(deltas.join(''), 'This answer will');
  });

  it('reports a stream that ends without a finish reason as interrupted', async () => {
    const chunk = JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: 'half' }, finish_reason: null }] });
    server.enqueue({ kind: 'raw', contentType: 'text/event-stream', body: `data: ${chunk}\n\n` });
    assert.equal(failure((await chat()).result).code, 'llm-stream-interrupted');
  });

  it('names the URL when nothing listens there', async () => {
    const dead = await FakeLlmServer.start();
    const url = dead.baseUrl;
    await dead.close();
    const logger = recordingLogger();
    const client = createLlmClient({ ...settingsFor({ baseUrl: url }), maxRetries: 0 }, logger);
    const error = failure(await client.chat({ messages, purpose: 'test' }));
    assert.equal(error.code, 'llm-connection');
    assert.ok(error.message.includes(url), error.message);
    assert.match(error.message, /connection refused/);
    assert.match(error.message, /routecraft\.llm\.baseUrl/);
    assert.ok(logger.lines.some((l) => l.includes('ECONNREFUSED')));
  });

  it('returns cancelled when the caller aborts mid-stream, and the server sees the socket close', async () => {
    server.enqueue({ kind: 'text', text: 'x'.repeat(200), chunkSize: 2, chunkDelayMs: 20 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const { result } = await chat({}, {
      signal: controller.signal,
      onDelta: (t) => {
        deltas.push(t);
        if (deltas.length === 3) {
          controller.abort();
        }
      },
    });
    assert.equal(result.kind, 'cancelled');
    await server.waitForClientDisconnects(1);
  });

  it('returns cancelled when the caller aborts while the server hangs', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    void server.waitForRequests(1).then(() => controller.abort());
    const { result, ms } = await chat({ timeoutMs: 10_000 }, { signal: controller.signal });
    assert.equal(result.kind, 'cancelled');
    assert.ok(ms < 1500, `took ${ms} ms`);
    await server.waitForClientDisconnects(1);
  });

  it('returns cancelled without a request when the signal is already aborted', async () => {
    const { result } = await chat({}, { signal: AbortSignal.abort() });
    assert.equal(result.kind, 'cancelled');
    assert.equal(server.requests.length, 0);
  });

  it('reports invalid JSON from the server as a bad answer', async () => {
    server.enqueue({ kind: 'raw', body: '{"choices": [ oops' });
    const error = failure((await chat()).result);
    assert.equal(error.code, 'llm-bad-answer');
    assert.match(error.message, /invalid JSON/);
  });

  it('reports an HTML page (wrong base URL) as a bad answer pointing at the setting', async () => {
    server.enqueue({ kind: 'raw', contentType: 'text/html', body: '<html>Welcome to nginx</html>' });
    const error = failure((await chat()).result);
    assert.equal(error.code, 'llm-bad-answer');
    assert.match(error.message, /text\/html/);
    assert.match(error.message, /routecraft\.llm\.baseUrl/);
  });

  it('accepts a server that ignores stream:true and answers one JSON completion', async () => {
    const body = { id: 'c', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'whole' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } };
    server.enqueue({ kind: 'raw', body: JSON.stringify(body) });
    const answer = okValue((await chat()).result);
    assert.equal(answer.text, 'whole');
    assert.deepEqual(answer.usage, { promptTokens: 1, completionTokens: 2 });
  });

  it('reports an error event inside the stream with the server message', async () => {
    server.enqueue({ kind: 'raw', contentType: 'text/event-stream', body: 'data: {"error":{"message":"context length exceeded"}}\n\n' });
    const error = failure((await chat()).result);
    assert.equal(error.code, 'llm-http');
    assert.match(error.message, /context length exceeded/);
  });
});
