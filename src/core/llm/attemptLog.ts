import type { Logger } from '../util/logger';
import { redactUrl } from './redact';

type FetchInput = string | URL | Request;

/** A `fetch` that logs each HTTP attempt, plus what it has seen so far for error messages. */
export interface AttemptLog {
  readonly fetch: (input: FetchInput, init?: RequestInit) => Promise<Response>;
  /** HTTP attempts started (the first try and every retry). */
  attempts(): number;
}

/**
 * Wraps `globalThis.fetch` so that every attempt the `openai` client makes (retries included)
 * leaves one log line: purpose, attempt number, method, URL without query or user info,
 * status or failure, and duration. Headers and bodies are never logged: they hold the key.
 */
export function createAttemptLog(logger: Logger, purpose: string): AttemptLog {
  let attempts = 0;
  const fetch = async (input: FetchInput, init?: RequestInit): Promise<Response> => {
    attempts += 1;
    const attempt = attempts;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = redactUrl(input instanceof Request ? input.url : input.toString());
    const started = Date.now();
    const head = `[llm] ${purpose} #${attempt} ${method} ${url}`;
    try {
      const response = await globalThis.fetch(input, init);
      const line = `${head} → ${response.status} in ${Date.now() - started} ms`;
      if (response.ok) {
        logger.info(line);
      } else {
        logger.warn(line);
      }
      return response;
    } catch (error) {
      const why = init?.signal?.aborted === true ? 'aborted' : describeCause(error);
      logger.warn(`${head} → ${why} after ${Date.now() - started} ms`);
      throw error;
    }
  };
  return { fetch, attempts: () => attempts };
}

/** The innermost error code or message, e.g. `ECONNREFUSED`. */
export function describeCause(error: unknown): string {
  return findErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Walks `cause` chains and `AggregateError.errors` for a Node/undici error code. */
export function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || typeof error !== 'object' || error === null) {
    return undefined;
  }
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const nested = findErrorCode(record.cause, depth + 1);
  if (nested !== undefined) {
    return nested;
  }
  if (Array.isArray(record.errors)) {
    for (const inner of record.errors) {
      const code = findErrorCode(inner, depth + 1);
      if (code !== undefined) {
        return code;
      }
    }
  }
  return typeof record.code === 'string' ? record.code : undefined;
}
