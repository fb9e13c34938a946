import type { ChatMessage, TokenUsage } from '../llm/types';
import { messageText } from './messageText';

/** Tokens a chat format adds per message (role and separators) and once per reply (priming). */
const PER_MESSAGE_OVERHEAD = 3;
const REPLY_PRIMING = 3;

type CountTokens = (text: string) => number;

/**
 * Estimates usage (a `response_format` schema, when one was sent, counts as prompt) with the o200k_base tokenizer (GPT-4o/4.1/o-series; close enough for other
 * models' order of magnitude). The encoding module (a few MB) is imported on first use only, so
 * nothing loads it while servers report usage. Falls back to ~4 characters per token if the
 * tokenizer cannot be loaded.
 */
export async function estimateUsage(messages: readonly ChatMessage[], answerText: string, responseSchema?: string): Promise<TokenUsage> {
  const count = await loadCounter();
  let promptTokens = REPLY_PRIMING + (responseSchema === undefined ? 0 : count(responseSchema));
  for (const message of messages) {
    promptTokens += PER_MESSAGE_OVERHEAD + count(messageText(message));
  }
  return { promptTokens, completionTokens: answerText === '' ? 0 : count(answerText) };
}

/** Usage as reported when present and plausible, else an estimate; `estimated` says which. */
export async function usageOrEstimate(
  usage: TokenUsage | undefined,
  messages: readonly ChatMessage[],
  answerText: string,
  responseSchema?: string,
): Promise<TokenUsage & { readonly estimated: boolean }> {
  if (usage !== undefined && isCount(usage.promptTokens) && isCount(usage.completionTokens)) {
    return { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, estimated: false };
  }
  return { ...(await estimateUsage(messages, answerText, responseSchema)), estimated: true };
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

async function loadCounter(): Promise<CountTokens> {
  try {
    const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
    // Special-token text in a prompt ("<|endoftext|>") is counted as plain text, never rejected.
    const options = { disallowedSpecial: new Set<string>() };
    return (text) => countTokens(text, options);
  } catch {
    return (text) => Math.ceil(text.length / 4);
  }
}
