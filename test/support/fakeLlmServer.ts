import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted answer to one `POST /chat/completions`. */
export type ScriptedReply =
  | {
      kind: 'text';
      text: string;
      usage?: { prompt_tokens: number; completion_tokens: number };
      /** Characters per streamed chunk (default 8). */
      chunkSize?: number;
      /** Pause between streamed chunks (default 0). */
      chunkDelayMs?: number;
    }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'cut'; text: string; afterChunks: number }
  | { kind: 'raw'; body: string; contentType?: string; status?: number };

/** A request as the server received it. `body` is parsed JSON, or the raw text when it was not JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeLlmServerOptions {
  /** Answers chat requests once the queue is empty; `undefined` falls through to a 500. */
  responder?: (req: RecordedRequest) => ScriptedReply | undefined;
  /** Model ids listed by `GET /models` (default `['fake-model']`). */
  models?: readonly string[];
}

const CHUNK_SIZE = 8;

/**
 * A real HTTP server on 127.0.0.1 speaking enough of the OpenAI chat-completions protocol
 * (JSON and SSE streaming, `GET /models`) to drive the real `openai` client through every
 * success and failure path. Dependency-free on purpose.
 */
export class FakeLlmServer {
  readonly baseUrl: string;
  private readonly queue: ScriptedReply[] = [];
  private readonly recorded: RecordedRequest[] = [];
  private readonly sockets = new Set<Socket>();
  private disconnects = 0;
  private readonly disconnectWaiters: (() => void)[] = [];
  private counter = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeLlmServerOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/v1`;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts a server on a free port of 127.0.0.1. */
  static async start(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const fake = new FakeLlmServer(server, options);
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  /** Replies served in order to chat requests. */
  enqueue(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  /** Every request received, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** How many responses the client abandoned (closed its socket) before the server finished them. */
  get clientDisconnects(): number {
    return this.disconnects;
  }

  /** Resolves once at least `count` client disconnects were seen; rejects after `timeoutMs`. */
  async waitForClientDisconnects(count = 1, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.disconnects < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`expected ${count} client disconnect(s), saw ${this.disconnects}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.disconnectWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once at least `count` requests were received; rejects after `timeoutMs`. */
  async waitForRequests(count = 1, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.recorded.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} request(s), saw ${this.recorded.length}`);
      }
      await delay(5);
    }
  }

  /** Text of the last user message of the last request. */
  lastUserMessage(): string | undefined {
    const last = this.recorded.at(-1);
    return last === undefined ? undefined : lastUserText(last.body);
  }

  /** Stops listening and destroys every open socket, hung ones included. */
  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let finished = false;
    let ownCut = false;
    res.on('finish', () => {
      finished = true;
    });
    res.on('close', () => {
      if (!finished && !ownCut) {
        this.disconnects += 1;
        this.disconnectWaiters.splice(0).forEach((wake) => wake());
      }
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0] ?? '/',
        headers: { ...req.headers },
        body: parseBody(text),
      };
      this.recorded.push(recorded);
      this.counter += 1;
      void this.route(recorded, res, this.counter, () => {
        ownCut = true;
      });
    });
  }

  private async route(req: RecordedRequest, res: http.ServerResponse, id: number, markCut: () => void): Promise<void> {
    const requestId = `req_${id}`;
    if (req.method === 'GET' && req.path.endsWith('/models')) {
      const data = (this.options.models ?? ['fake-model']).map((m) => ({ id: m, object: 'model', created: 0, owned_by: 'fake' }));
      sendJson(res, 200, { object: 'list', data }, { 'x-request-id': requestId });
      return;
    }
    if (req.method !== 'POST' || !req.path.endsWith('/chat/completions')) {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${req.path}`, type: 'not_found' } }, {});
      return;
    }
    const reply = this.queue.shift() ?? this.options.responder?.(req) ?? {
      kind: 'status',
      status: 500,
      body: { error: { message: 'no scripted reply', type: 'fake_server_error' } },
    };
    const body = asRecord(req.body);
    const model = typeof body['model'] === 'string' ? body['model'] : 'fake-model';
    const ctx: StreamContext = { res, requestId, completionId: `chatcmpl-${id}`, model };
    switch (reply.kind) {
      case 'status': {
        const payload = reply.body ?? { error: { message: `scripted status ${reply.status}`, type: 'fake_error', code: null } };
        if (typeof payload === 'string') {
          res.writeHead(reply.status, { 'content-type': 'text/plain', 'x-request-id': requestId, ...reply.headers });
          res.end(payload);
        } else {
          sendJson(res, reply.status, payload, { 'x-request-id': requestId, ...reply.headers });
        }
        return;
      }
      case 'raw':
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json', 'x-request-id': requestId });
        res.end(reply.body);
        return;
      case 'hang':
        return;
      case 'cut':
        startStream(ctx);
        for (const piece of splitText(reply.text, CHUNK_SIZE).slice(0, reply.afterChunks)) {
          await writeEvent(ctx, chunk(ctx, { content: piece }, null));
        }
        markCut();
        await delay(20);
        res.socket?.destroy();
        return;
      case 'text':
        if (body['stream'] === true) {
          await streamText(ctx, reply, body);
        } else {
          sendJson(res, 200, completion(ctx, reply, body), { 'x-request-id': requestId });
        }
        return;
    }
  }
}

interface StreamContext {
  readonly res: http.ServerResponse;
  readonly requestId: string;
  readonly completionId: string;
  readonly model: string;
}

type TextReply = Extract<ScriptedReply, { kind: 'text' }>;

async function streamText(ctx: StreamContext, reply: TextReply, body: Record<string, unknown>): Promise<void> {
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
  if (streamOptions['include_usage'] === true) {
    await writeEvent(ctx, { ...chunk(ctx, {}, null), choices: [], usage: usageOf(reply, body) });
  }
  if (!ctx.res.destroyed) {
    ctx.res.end('data: [DONE]\n\n');
  }
}

function startStream(ctx: StreamContext): void {
  ctx.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': ctx.requestId });
  ctx.res.flushHeaders();
}

function writeEvent(ctx: StreamContext, payload: unknown): Promise<void> {
  if (ctx.res.destroyed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => ctx.res.write(`data: ${JSON.stringify(payload)}\n\n`, () => resolve()));
}

function chunk(ctx: StreamContext, delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> {
  return {
    id: ctx.completionId,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function completion(ctx: StreamContext, reply: TextReply, body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: ctx.completionId,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
    usage: usageOf(reply, body),
  };
}

function usageOf(reply: TextReply, body: Record<string, unknown>): Record<string, number> {
  const prompt = reply.usage?.prompt_tokens ?? Math.ceil(JSON.stringify(body['messages'] ?? '').length / 4);
  const completionTokens = reply.usage?.completion_tokens ?? Math.ceil(reply.text.length / 4);
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

/** Splits by code points so a chunk never ends inside a surrogate pair. */
function splitText(text: string, size: number): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += Math.max(1, size)) {
    pieces.push(points.slice(i, i + Math.max(1, size)).join(''));
  }
  return pieces;
}

function parseBody(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function lastUserText(body: unknown): string | undefined {
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
