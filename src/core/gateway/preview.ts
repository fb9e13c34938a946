import type { ChatMessage, LlmSettings } from '../llm/types';
import { createRedactor, type RedactorOptions } from '../privacy/redactor';
import { messageText } from '../audit/messageText';

/** Exactly what a call would send, after redaction, as Markdown a person can read. */
export function previewPrompt(settings: Pick<LlmSettings, 'baseUrl' | 'model' | 'temperature'>, messages: readonly ChatMessage[], privacy?: RedactorOptions): string {
  const redacted = createRedactor(privacy).redactMessages(messages);
  const counts = Object.entries(redacted.counts).filter(([, n]) => n > 0);
  const summary = counts.length === 0 ? 'nothing' : counts.map(([category, n]) => `${n} ${category}`).join(', ');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(redacted.messages.map(messageText).join('\n')) + 1));
  const body = redacted.messages.map((m) => `### ${m.role}\n\n${fence}text\n${messageText(m)}\n${fence}`).join('\n\n');
  return [
    '# Routecraft: prompt preview',
    '',
    `This is what would be sent to **${settings.model}** at \`${settings.baseUrl}\` (temperature ${settings.temperature}), after redaction.`,
    `Redacted: ${summary}. Placeholders are restored only in what you see, never sent.`,
    '',
    body,
    '',
  ].join('\n');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) {
    longest = Math.max(longest, run.length);
  }
  return longest;
}
