/**
 * Errors the user may see. Every failure that reaches a person is a RoutecraftError with a
 * message that says what happened and what to check; never a stack trace, never a secret.
 */
export type ErrorCode =
  | 'llm-connection'
  | 'llm-timeout'
  | 'llm-http'
  | 'llm-auth'
  | 'llm-bad-answer'
  | 'llm-stream-interrupted'
  | 'invalid-input'
  | 'file-not-found'
  | 'internal';

export class RoutecraftError extends Error {
  override readonly name = 'RoutecraftError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra detail for the log (never shown in a notification; never holds a secret). */
    readonly detail?: string,
    /** HTTP status where one was received. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The user-facing text of any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof RoutecraftError) {
    return error.message;
  }
  if (error instanceof Error) {
    return `Unexpected error: ${error.message}`;
  }
  return `Unexpected error: ${String(error)}`;
}
