import type { CachedAnswer } from '../../../src/core/cache/types';

/** A cached answer with the given text (and fixed, plausible metadata). */
export function answer(text: string, storedAt = 1_700_000_000_000): CachedAnswer {
  return { text, model: 'gpt-4.1-mini', usage: { promptTokens: 120, completionTokens: 40 }, finishReason: 'stop', requestId: 'req_1', storedAt };
}

/** A valid-looking cache key (hex sha256 shape) derived from a small number. */
export function key(n: number): string {
  return n.toString(16).padStart(64, '0');
}
