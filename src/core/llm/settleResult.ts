import type { LlmResult } from './types';

/** What a command does with each kind of LLM result; `failed` also receives the invalid answer's message. */
export interface LlmResultHandlers<T, O> {
  readonly ok: (value: T) => O;
  readonly cancelled: () => O;
  readonly failed: (message: string) => O;
  /** The message for an answer that failed validation (the editor localizes it). */
  readonly invalidMessage: (issues: readonly string[]) => string;
}

/**
 * The one switch over an LLM result (ok / cancelled / invalid / failed): an invalid answer and a
 * failed call both end in `failed`, with the validation issues or the error's message.
 */
export function settleLlmResult<T, O>(result: LlmResult<T>, on: LlmResultHandlers<T, O>): O {
  switch (result.kind) {
    case 'ok':
      return on.ok(result.value);
    case 'cancelled':
      return on.cancelled();
    case 'invalid':
      return on.failed(on.invalidMessage(result.issues));
    case 'failed':
      return on.failed(result.error.message);
  }
}
