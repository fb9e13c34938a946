import type { ChatMessage } from '../llm/types';
import type { CodeSnippet, ExplainContext } from './explainContext';

const SYSTEM = [
  'You are Routecraft, a senior backend engineer explaining code to a colleague who is reviewing it.',
  'Answer in Markdown: start with a one-paragraph summary, then "## How it works" as short bullet points,',
  'then "## Watch out for" listing real risks (errors, edge cases, security, performance) or "Nothing notable."',
  'Ground every claim in the code shown; when behaviour depends on code that is not shown, say so instead of guessing.',
  'Refer to lines by their numbers. Keep it under 300 words unless the code needs more.',
].join(' ');

function fence(snippet: CodeSnippet, language: string): string {
  const ticks = snippet.text.includes('```') ? '````' : '```';
  return `${snippet.label} (lines ${snippet.startLine}-${snippet.endLine}):\n${ticks}${language}\n${snippet.text}\n${ticks}`;
}

/** The chat messages for "Explain": the system rules, then the selection and its grounding. */
export function buildExplainMessages(context: ExplainContext): ChatMessage[] {
  const parts = [`Explain the selected code from \`${context.displayPath}\`.`, fence({ ...context.selection, label: 'Selected code' }, context.language)];
  if (context.enclosing) {
    parts.push(`It sits inside this ${fence(context.enclosing, context.language)}`);
  }
  if (context.callees.length > 0) {
    parts.push('It calls these definitions from the same file:');
    for (const callee of context.callees) {
      parts.push(fence(callee, context.language));
    }
  }
  if (context.truncated) {
    parts.push('Some surrounding code was left out to keep the request small; say so if it matters.');
  }
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: parts.join('\n\n') },
  ];
}
