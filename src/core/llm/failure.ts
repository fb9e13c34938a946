import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { RoutecraftError } from '../errors';
import { findErrorCode } from './attemptLog';
import { connectionError, interruptedError, scrub, streamReportedError, timeoutError, badAnswerError, httpStatusError, type FailureContext } from './errorMessages';

/** Where the call was when it failed. */
export interface FailurePhase {
  /** True once the response headers arrived and the stream was being read. */
  readonly streaming: boolean;
  readonly receivedChars: number;
}

/**
 * Turns anything the `openai` client (or fetch underneath it) threw into a RoutecraftError with
 * an actionable, key-free message. Caller cancellation and idle timeouts are decided before this.
 */
export function toRoutecraftError(error: unknown, ctx: FailureContext, phase: FailurePhase): RoutecraftError {
  if (error instanceof RoutecraftError) {
    return error;
  }
  const raw = error instanceof Error ? error.message : String(error);
  const detail = scrub(ctx, `${raw}${causeText(error)}`, 1000);
  if (error instanceof APIConnectionTimeoutError) {
    return timeoutError(ctx, 'answer');
  }
  if (error instanceof APIConnectionError) {
    return connectionError(ctx, findErrorCode(error), detail);
  }
  if (error instanceof APIError) {
    const apiError: ApiErrorShape = { status: error.status as unknown, error: error.error as unknown, message: error.message };
    if (typeof apiError.status === 'number') {
      return httpStatusError(ctx, apiError.status, serverMessage(apiError));
    }
    return streamReportedError(ctx, serverMessage(apiError) ?? raw);
  }
  if (error instanceof SyntaxError) {
    return badAnswerError(ctx, 'malformed data', raw);
  }
  if (phase.streaming) {
    return interruptedError(ctx, phase.receivedChars, detail);
  }
  return connectionError(ctx, findErrorCode(error), detail);
}

/** The `error.message` of an OpenAI-style error body, else the raw body text. */
interface ApiErrorShape {
  readonly status: unknown;
  readonly error: unknown;
  readonly message: string;
}

function serverMessage(error: ApiErrorShape): string | undefined {
  const body = error.error;
  if (typeof body === 'object' && body !== null) {
    const message = (body as { message?: unknown }).message;
    return typeof message === 'string' ? message : JSON.stringify(body);
  }
  if (typeof body === 'string') {
    return body;
  }
  // No JSON body: openai put the text in its own message as "<status> <text>".
  const text = error.message.replace(/^\d{3}\s*/, '');
  return /status code \(no body\)/.test(text) ? undefined : text;
}

function causeText(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error ? ` (cause: ${cause.message})` : '';
}
