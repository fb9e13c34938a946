import assert from 'node:assert/strict';
import { z } from 'zod';
import { RoutecraftError } from '../../../src/core/errors';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import { isResponseFormatRefusal, isStrictCompatible, responseFormatOf, StructuredOutputMemo } from '../../../src/core/llm/responseFormat';
import { askStructured, type StructuredAnswer } from '../../../src/core/llm/structured';
import type { LlmResult, LlmSettings } from '../../../src/core/llm/types';
import { FakeLlmServer, type FakeLlmServerOptions } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';

const RouteSchema = z.object({
  method: z.enum(['GET', 'POST']),
  path: z.string().startsWith('/'),
  logic: z.string().optional(),
});
type Route = z.infer<typeof RouteSchema>;
const good: Route = { method: 'POST', path: '/users' };
const messages = [{ role: 'user' as const, content: 'Add POST /users' }];

interface Body {
  response_format?: { type: string; json_schema: { name: string; strict: boolean; schema: { type: string; properties: Record<string, unknown> } } };
  messages: { role: string; content: string }[];
}

function bodyOf(server: FakeLlmServer, index: number): Body {
  return server.requests[index]!.body as Body;
}

function okValue(result: LlmResult<StructuredAnswer<Route>>): StructuredAnswer<Route> {
  assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 600));
  return (result as { value: StructuredAnswer<Route> }).value;
}

describe('structured output (response_format json_schema) with fallback', () => {
  let server: FakeLlmServer;
  afterEach(async () => {
    await server.close();
  });
  const start = async (options: FakeLlmServerOptions = {}): Promise<void> => {
    server = await FakeLlmServer.start(options);
  };
  const client = (overrides: Partial<LlmSettings> = {}, memo = new StructuredOutputMemo()) =>
    createLlmClient(settingsFor(server, overrides), recordingLogger(), memo);
  const ask = (c = client(), extra: { codeFollowUp?: (value: Route) => string | undefined } = {}) =>
    askStructured(c, { schema: RouteSchema, messages, purpose: 'route', format: 'route@1', ...extra });

  it('sends the zod schema as response_format and reads the constrained JSON answer', async () => {
    await start();
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    const answer = okValue(await ask());
    assert.deepEqual(answer.value, good);
    assert.equal(answer.via, 'json_schema');
    const format = bodyOf(server, 0).response_format;
    assert.equal(format?.type, 'json_schema');
    assert.equal(format.json_schema.name, 'route_1');
    assert.equal(format.json_schema.strict, false, 'optional properties do not meet strict mode');
    assert.equal(format.json_schema.schema.type, 'object');
    assert.deepEqual(Object.keys(format.json_schema.schema.properties), ['method', 'path', 'logic']);
    assert.match(JSON.stringify(format.json_schema.schema), /"enum":\["GET","POST"\]/);
    // The stream still asks for usage.
    assert.deepEqual((server.requests[0]!.body as { stream_options?: unknown }).stream_options, { include_usage: true });
  });

  it('falls back to prompt-only JSON after a 400 naming response_format, and does not pay the refusal again', async () => {
    await start({ responseFormat: 'refuse-400' });
    const memo = new StructuredOutputMemo();
    server.enqueue({ kind: 'text', text: `\`\`\`json\n${JSON.stringify(good)}\n\`\`\`` }, { kind: 'text', text: JSON.stringify(good) });
    const first = okValue(await ask(client({}, memo)));
    assert.equal(first.via, 'prompt');
    assert.equal(server.requests.length, 2);
    assert.ok(bodyOf(server, 0).response_format, 'first try had it');
    assert.equal(bodyOf(server, 1).response_format, undefined, 'the fallback has none');
    assert.deepEqual(bodyOf(server, 1).messages, bodyOf(server, 0).messages, 'same instructions (schema in the prompt) both ways');
    assert.ok(memo.refused(server.baseUrl, 'fake-model'));
    // A new client of the same session (the editor builds one per command) goes straight to the prompt path.
    const second = okValue(await ask(client({}, memo)));
    assert.equal(second.via, 'prompt');
    assert.equal(server.requests.length, 3);
    assert.equal(bodyOf(server, 2).response_format, undefined);
  });

  it('remembers the refusal per origin and model, not for every model of the server', async () => {
    await start({ responseFormat: 'refuse-400' });
    const memo = new StructuredOutputMemo();
    memo.refuse(server.baseUrl, 'fake-model');
    assert.ok(memo.refused(`${server.baseUrl}/other/path`, 'fake-model'), 'same origin');
    assert.ok(!memo.refused(server.baseUrl, 'other-model'));
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    okValue(await ask(client({ model: 'other-model' }, memo)));
    assert.equal(server.requests.length, 2, 'the other model tried structured output and was refused once');
  });

  it('falls back on an "unsupported parameter" error too', async () => {
    await start({ responseFormat: 'unsupported-parameter' });
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    const answer = okValue(await ask());
    assert.equal(answer.via, 'prompt');
    assert.equal(server.requests.length, 2);
  });

  it('with the setting on, a refusal is a clear error and nothing is retried', async () => {
    await start({ responseFormat: 'refuse-400' });
    const result = await ask(client({ structuredOutput: 'on' }));
    assert.equal(result.kind, 'failed');
    assert.equal(server.requests.length, 1);
    const error = (result as { error: RoutecraftError }).error;
    assert.equal(error.status, 400);
    assert.match(error.message, /structured output \(response_format json_schema\)/);
    assert.match(error.message, /routecraft\.llm\.structuredOutput \(CLI --structured-output\)/);
  });

  it('with the setting off, no response_format is sent', async () => {
    await start({ responseFormat: 'refuse-400' });
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    const answer = okValue(await ask(client({ structuredOutput: 'off' })));
    assert.equal(answer.via, 'prompt');
    assert.equal(server.requests.length, 1);
    assert.equal(bodyOf(server, 0).response_format, undefined);
  });

  it('still repairs a bad answer under structured output (the repair turn keeps response_format)', async () => {
    await start();
    server.enqueue({ kind: 'text', text: JSON.stringify({ method: 'PATCH', path: 'users' }) }, { kind: 'text', text: JSON.stringify(good) });
    const answer = okValue(await ask());
    assert.equal(answer.repaired, true);
    assert.equal(answer.via, 'json_schema');
    assert.ok(bodyOf(server, 1).response_format);
    assert.match(bodyOf(server, 1).messages.at(-1)!.content, /method: Invalid option/);
  });

  it('still refuses an answer that stays wrong after the repair turn', async () => {
    await start();
    server.enqueue({ kind: 'text', text: '{"method": "GET"' }, { kind: 'text', text: JSON.stringify({ method: 'GET' }) });
    const result = await ask();
    assert.equal(result.kind, 'invalid');
    assert.match((result as { issues: readonly string[] }).issues.join('\n'), /path/);
  });

  it('asks for code in one follow-up turn when the constrained answer needs some', async () => {
    await start();
    const withLogic: Route = { ...good, logic: 'hash the password' };
    server.enqueue({ kind: 'text', text: JSON.stringify(withLogic) }, { kind: 'text', text: 'Here:\n```ts createUser\nreturn hash(body.password);\n```' });
    const answer = okValue(await ask(client(), { codeFollowUp: (v) => (v.logic === undefined ? undefined : `Give the body for: ${v.logic}`) }));
    assert.deepEqual(answer.codeBlocks.map((b) => [b.info, b.code.trim()]), [['ts createUser', 'return hash(body.password);']]);
    assert.equal(server.requests.length, 2);
    const followUp = bodyOf(server, 1);
    assert.equal(followUp.response_format, undefined, 'the code turn is free text');
    assert.deepEqual(followUp.messages.at(-2), { role: 'assistant', content: JSON.stringify(withLogic) });
    assert.match(followUp.messages.at(-1)!.content, /^Give the body for: hash the password\nReply with the fenced code blocks only/);
  });

  it('sends no follow-up when the code came beside the JSON anyway, or none is needed', async () => {
    await start();
    const follow = (v: Route): string | undefined => (v.logic === undefined ? undefined : 'code please');
    server.enqueue({ kind: 'text', text: `${JSON.stringify({ ...good, logic: 'x' })}\n\`\`\`ts createUser\nreturn 1;\n\`\`\`` });
    assert.equal(okValue(await ask(client(), { codeFollowUp: follow })).codeBlocks.length, 1);
    server.enqueue({ kind: 'text', text: JSON.stringify(good) });
    assert.equal(okValue(await ask(client(), { codeFollowUp: follow })).codeBlocks.length, 0);
    assert.equal(server.requests.length, 2);
  });

  it('returns a failed code turn as a failure instead of code-less success', async () => {
    await start();
    server.enqueue({ kind: 'text', text: JSON.stringify({ ...good, logic: 'x' }) }, { kind: 'status', status: 500 });
    const result = await ask(client(), { codeFollowUp: () => 'code please' });
    assert.equal(result.kind, 'failed');
  });
});

describe('responseFormatOf / isStrictCompatible / isResponseFormatRefusal', () => {
  it('marks strict only a closed schema with every property required', () => {
    assert.equal(responseFormatOf(z.strictObject({ a: z.string(), b: z.array(z.strictObject({ c: z.number() })) }), 'x')?.strict, true);
    assert.equal(responseFormatOf(z.strictObject({ a: z.string().optional() }), 'x')?.strict, false);
    assert.equal(responseFormatOf(z.object({ a: z.string() }), 'x')?.strict, false);
    assert.equal(isStrictCompatible({ type: 'object', properties: { a: { type: 'string', default: 'q' } }, required: ['a'], additionalProperties: false }), false);
  });

  it('has nothing to send for a non-object root or a schema zod cannot express', () => {
    assert.equal(responseFormatOf(z.array(z.string()), 'x'), undefined);
    assert.equal(responseFormatOf(z.object({ when: z.date() }), 'x'), undefined);
  });

  it('names the format as OpenAI allows', () => {
    assert.equal(responseFormatOf(z.object({ a: z.string() }), 'endpoint-spec@1')?.name, 'endpoint-spec_1');
  });

  it('tells a refusal of response_format from other 400s', () => {
    const http = (status: number, detail: string) => new RoutecraftError('llm-http', 'rejected', detail, status);
    assert.ok(isResponseFormatRefusal(http(400, "Invalid parameter: 'response_format' is not supported")));
    assert.ok(isResponseFormatRefusal(http(422, 'Unsupported parameter for this model.')));
    assert.ok(!isResponseFormatRefusal(http(400, "This model's maximum context length is 8192 tokens")));
    assert.ok(!isResponseFormatRefusal(http(400, "Unsupported parameter: 'temperature' is not supported with this model.")));
    assert.ok(!isResponseFormatRefusal(http(500, 'response_format crashed')));
    assert.ok(!isResponseFormatRefusal(new RoutecraftError('llm-auth', 'no', 'response_format', 401)));
  });
});
