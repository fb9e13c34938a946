import type { ChatMessage } from '../llm/types';

/** The text parts of a message's content (images, audio and files contribute nothing). */
export function messageText(message: ChatMessage): string {
  const content: unknown = message.content;
  if (typeof content === 'string') {
    return content;
  }
  if (!Array.isArray(content)) {
    return '';
  }
  const parts: string[] = [];
  for (const part of content as unknown[]) {
    if (part !== null && typeof part === 'object' && 'text' in part && typeof part.text === 'string') {
      parts.push(part.text);
    }
  }
  return parts.join('\n');
}

/** The messages as readable text, one `role: content` block per message. */
export function transcript(messages: readonly ChatMessage[]): string {
  return messages.map((m) => `${m.role}: ${messageText(m)}`).join('\n\n');
}
