import { canonicalJson } from '../cache/canonicalJson';
import { sha256Hex } from '../util/sha256';
import type { ChatMessage } from '../llm/types';

/**
 * sha256 (hex) of the canonical JSON of the (already redacted) messages: equal prompts give equal
 * hashes across runs and machines, so an audit line can be matched to a cache entry or a repeat
 * call without storing the prompt.
 */
export function promptHash(messages: readonly ChatMessage[]): string {
  return sha256Hex(canonicalJson(messages));
}
