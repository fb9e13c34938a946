import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { RoutecraftError } from '../errors';
import type { ResponseFormat, StructuredOutputMemo, StructuredOutputMode } from './responseFormat';

export type ChatMessage = ChatCompletionMessageParam;

/** Where and how to reach an OpenAI-compatible server. Secrets travel only in `apiKey`. */
export interface LlmSettings {
  readonly baseUrl: string;
  readonly model: string;
  /** Empty for servers that need none (Ollama, LM Studio, vLLM without --api-key). */
  readonly apiKey?: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly temperature: number;
  /** `response_format: json_schema` for structured answers: `auto` (default) tries it and falls back. */
  readonly structuredOutput?: StructuredOutputMode;
}

export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  /** What the call is for, for logs and progress ("explain", "endpoint" …). */
  readonly purpose: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Called with each piece of text as it streams in. When absent the call may still stream. */
  readonly onDelta?: (text: string) => void;
  readonly signal?: AbortSignal;
  /** The command that asked (for the audit log), e.g. `routecraft.explainSelection` or `cli explain`. */
  readonly command?: string;
  /** `bypass` skips the cache lookup for this one call (the fresh answer is still stored). */
  readonly cache?: 'use' | 'bypass';
  /**
   * Where the answer goes, which decides how redaction placeholders come back: `display` (shown to
   * the user: every value restored) or `code` (written into files: secrets become env lookups).
   */
  readonly destination?: 'display' | 'code';
  /** Names the expected answer shape (e.g. a schema version); part of the cache key. */
  readonly format?: string;
  /**
   * Checks an answer before it is cached: returns the problems (empty when usable). An answer with
   * problems is audited as `invalid` and never cached; the caller still receives it to repair.
   */
  readonly validate?: (text: string) => readonly string[];
  /** Sent as `response_format: { type: 'json_schema', … }`; part of the cache key. */
  readonly responseFormat?: ResponseFormat;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface ChatAnswer {
  readonly text: string;
  readonly model: string;
  readonly usage?: TokenUsage;
  readonly requestId?: string;
  readonly finishReason?: string;
  /** True when the answer was replayed from the response cache (no tokens spent). */
  readonly cached?: boolean;
  /** How many values redaction replaced in the request, by category (only non-zero ones). */
  readonly redactions?: Readonly<Record<string, number>>;
}

/** Tagged result at the LLM boundary: callers switch on `kind`; nothing is thrown across it. */
export type LlmResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'invalid'; readonly issues: readonly string[]; readonly raw: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly error: RoutecraftError };

/** The port every feature talks to. Implemented over the `openai` client; faked nowhere in tests. */
export interface LlmClient {
  readonly settings: LlmSettings;
  /** Servers that refused `response_format` this session (shared by the clients of one session). */
  readonly structuredOutput?: StructuredOutputMemo;
  chat(request: ChatRequest): Promise<LlmResult<ChatAnswer>>;
}

