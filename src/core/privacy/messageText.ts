import type { ChatMessage } from '../llm/types';

/** Rewrites one piece of message text. */
export type TextMapper = (text: string) => string;

interface TextPartLike {
  readonly type: string;
}

function mapParts<P extends TextPartLike>(parts: readonly P[], fn: TextMapper): P[] {
  return parts.map((part) => {
    if (part.type === 'text' && 'text' in part && typeof part.text === 'string') {
      return { ...part, text: fn(part.text) };
    }
    return part;
  });
}

function mapContent<P extends TextPartLike>(content: string | readonly P[], fn: TextMapper): string | P[] {
  return typeof content === 'string' ? fn(content) : mapParts(content, fn);
}

/**
 * A copy of `message` with every text it sends rewritten: string content, `text` parts (images,
 * audio and files are left alone) and, on assistant messages, tool-call arguments. Texts are
 * visited in a fixed order, so two passes see the same sequence.
 */
export function mapMessageText(message: ChatMessage, fn: TextMapper): ChatMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { ...message, content: mapContent(message.content, fn) };
    case 'user':
      return { ...message, content: mapContent(message.content, fn) };
    case 'tool':
      return { ...message, content: mapContent(message.content, fn) };
    case 'assistant': {
      const content = message.content === null || message.content === undefined ? message.content : mapContent(message.content, fn);
      const toolCalls = message.tool_calls?.map((call) =>
        call.type === 'function' ? { ...call, function: { ...call.function, arguments: fn(call.function.arguments) } } : call,
      );
      return { ...message, content, ...(toolCalls === undefined ? {} : { tool_calls: toolCalls }) };
    }
    case 'function':
      return { ...message, content: message.content === null ? null : fn(message.content) };
  }
}
