import type http from 'node:http';

/** One scripted answer to one `POST /chat/completions`. */
export type ScriptedReply =
  | {
      kind: 'text';
      text: string;
      /** `none`: the server reports no usage at all (neither streamed nor in the JSON body). */
      usage?: { prompt_tokens: number; completion_tokens: number } | 'none';
      /** Characters per streamed chunk (default 8). */
      chunkSize?: number;
      /** Pause between streamed chunks (default 0). */
      chunkDelayMs?: number;
    }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'cut'; text: string; afterChunks: number }
  | { kind: 'raw'; body: string; contentType?: string; status?: number };

/** Characters per streamed chunk unless a reply says otherwise. */
export const CHUNK_SIZE = 8;

/** What the protocol helpers need to answer one request. */
export interface StreamContext {
  readonly res: http.ServerResponse;
  readonly requestId: string;
  readonly completionId: string;
  readonly model: string;
}

export type TextReply = Extract<ScriptedReply, { kind: 'text' }>;

export async function streamText(ctx: StreamContext, reply: TextReply, body: Record<string, unknown>): Promise<void> {
  startStream(ctx);
  await writeEvent(ctx, chunk(ctx, { role: 'assistant', content: '' }, null));
  for (const piece of splitText(reply.text, reply.chunkSize ?? CHUNK_SIZE)) {
    if (reply.chunkDelayMs !== undefined && reply.chunkDelayMs > 0) {
      await delay(reply.chunkDelayMs);
    }
    if (ctx.res.destroyed) {
      return;
    }
    await writeEvent(ctx, chunk(ctx, { content: piece }, null));
  }
  await writeEvent(ctx, chunk(ctx, {}, 'stop'));
  const streamOptions = asRecord(body['stream_options']);
  if (streamOptions['include_usage'] === true && reply.usage !== 'none') {
    await writeEvent(ctx, { ...chunk(ctx, {}, null), choices: [], usage: usageOf(reply, body) });
  }
  if (!ctx.res.destroyed) {
    ctx.res.end('data: [DONE]\n\n');
  }
}

export function startStream(ctx: StreamContext): void {
  ctx.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': ctx.requestId });
  ctx.res.flushHeaders();
}

export function writeEvent(ctx: StreamContext, payload: unknown): Promise<void> {
  if (ctx.res.destroyed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => ctx.res.write(`data: ${JSON.stringify(payload)}\n\n`, () => resolve()));
}

export function chunk(ctx: StreamContext, delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> {
  return {
    id: ctx.completionId,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

export function completion(ctx: StreamContext, reply: TextReply, body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: ctx.completionId,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
    ...(reply.usage === 'none' ? {} : { usage: usageOf(reply, body) }),
  };
}

function usageOf(reply: TextReply, body: Record<string, unknown>): Record<string, number> {
  const usage = reply.usage === 'none' ? undefined : reply.usage;
  const prompt = usage?.prompt_tokens ?? Math.ceil(JSON.stringify(body['messages'] ?? '').length / 4);
  const completionTokens = usage?.completion_tokens ?? Math.ceil(reply.text.length / 4);
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

export function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

/** Splits by code points so a chunk never ends inside a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += Math.max(1, size)) {
    pieces.push(points.slice(i, i + Math.max(1, size)).join(''));
  }
  return pieces;
}

export function parseBody(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function lastUserText(body: unknown): string | undefined {
  const messages = asRecord(body)['messages'];
  if (!Array.isArray(messages)) {
    return undefined;
  }
  const users = messages.map(asRecord).filter((m) => m['role'] === 'user');
  const content = users.at(-1)?.['content'];
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content.map(asRecord).map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).join('');
  }
  return undefined;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
