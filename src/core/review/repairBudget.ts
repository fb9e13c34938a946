import type { ChatMessage } from '../llm/types';
import { MARGIN, tokens, withReviewInstructions, type PlannedRequest } from './planRequests';

/** The least of the previous answer echoed back before it is left out altogether. */
const MIN_ECHO = 400;

/**
 * The repair turn of a review request, kept within `maxPromptTokens` like the request itself.
 * The repair resends the request plus the invalid answer and the issues, which can push a request
 * planned close to the budget over it. In order, until it fits: as is; the request without the
 * files' context (the numbered diff stays, so findings can still point at lines); the echoed answer
 * shortened; the echoed answer left out (the issues still say what was wrong).
 */
export function repairWithin(request: PlannedRequest, maxPromptTokens: number): (messages: ChatMessage[]) => Promise<ChatMessage[]> {
  const limit = Math.floor(maxPromptTokens * (1 - MARGIN));
  return async (messages) => {
    if ((await tokens(messages)) <= limit) {
      return messages;
    }
    const [echo, issues] = messages.slice(-2);
    if (echo?.role !== 'assistant' || typeof echo.content !== 'string' || issues === undefined) {
      return messages;
    }
    const head = withReviewInstructions(request.withoutContext);
    const full = echo.content;
    let chars = full.length;
    for (;;) {
      const answer = chars >= full.length ? full : `${full.slice(0, chars)}\n… (cut to fit the prompt budget)`;
      const candidate: ChatMessage[] = [...head, { role: 'assistant', content: answer }, issues];
      const count = await tokens(candidate);
      if (count <= limit) {
        return candidate;
      }
      if (chars <= MIN_ECHO) {
        return [...head, { role: 'assistant', content: '(my previous answer, left out here: it was too long)' }, issues];
      }
      chars = Math.max(MIN_ECHO, Math.floor(Math.min(chars, full.length) * (limit / count) * 0.8));
    }
  };
}
