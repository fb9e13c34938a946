import type { ChatMessage } from '../llm/types';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from '../util/sha256';

/** Everything that decides an answer. Two calls with equal inputs may share one cached answer. */
export interface CacheKeyInput {
  /** The server's base URL; user info and a trailing slash are ignored. */
  readonly baseUrl: string;
  readonly model: string;
  /** The messages as sent, i.e. already redacted. */
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** What the call is for ("explain", "endpoint" …). */
  readonly purpose: string;
  /** The answer's expected shape (e.g. a schema name or version), when the purpose has several. */
  readonly format?: string;
  /** The `response_format` asked for (`json_schema:<name>`), when one was; absent keeps old keys valid. */
  readonly responseFormat?: string;
}

/** Bump when the key recipe or the cached value's meaning changes: old entries become misses. */
const KEY_VERSION = 1;

/**
 * The cache key of a call: sha256 (hex) over a canonical JSON of server, model, redacted
 * messages and parameters. Stable across key order and processes; never contains a secret
 * (the API key is not an input; a key in the URL would only ever enter the hash).
 */
export function cacheKey(input: CacheKeyInput): string {
  return sha256Hex(
    canonicalJson({
      v: KEY_VERSION,
      server: normalizeBaseUrl(input.baseUrl),
      model: input.model,
      messages: input.messages,
      temperature: input.temperature,
      maxTokens: input.maxTokens,
      purpose: input.purpose,
      format: input.format,
      responseFormat: input.responseFormat,
    }),
  );
}

function normalizeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl.trim());
    url.username = '';
    url.password = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return baseUrl.trim().replace(/\/+$/, '');
  }
}
