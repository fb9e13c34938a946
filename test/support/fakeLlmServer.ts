import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CHUNK_SIZE, asRecord, chunk, completion, delay, lastUserText, parseBody, sendJson, splitText, startStream, streamText, writeEvent, type ScriptedReply, type StreamContext } from './fakeLlmProtocol';

export type { ScriptedReply } from './fakeLlmProtocol';

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
  /**
   * How the server treats `response_format`: `accept` (default: the scripted reply, as a server
   * that constrains decoding would send it) or a refusal as servers word it, answered before any
   * scripted reply is taken: `400` (OpenAI / vLLM style, naming response_format) or
   * `unsupported-parameter` (LiteLLM / LM Studio style 400).
   */
  responseFormat?: 'accept' | 'refuse-400' | 'unsupported-parameter';
}


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
    const refusal = refusalOf(this.options.responseFormat, asRecord(req.body));
    if (refusal !== undefined) {
      sendJson(res, 400, refusal, { 'x-request-id': requestId });
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


function refusalOf(mode: FakeLlmServerOptions['responseFormat'], body: Record<string, unknown>): unknown {
  if (body['response_format'] === undefined || mode === undefined || mode === 'accept') {
    return undefined;
  }
  if (mode === 'refuse-400') {
    return { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", type: 'invalid_request_error', param: 'response_format', code: null } };
  }
  return { error: { message: 'Unsupported parameter for this model.', type: 'invalid_request_error', code: 'unsupported_parameter' } };
}
