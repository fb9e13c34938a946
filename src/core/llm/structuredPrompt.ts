import { z } from 'zod';
import { compactSchemaText } from './compactSchema';
import { truncate } from './redact';
import type { ChatMessage } from './types';

/** The longest previous answer echoed back in a repair turn. */
const MAX_ECHO = 12_000;
/** The most schema issues quoted in a repair turn. */
const MAX_ISSUES = 20;

/** The JSON Schema of what `safeParse` accepts, pretty-printed; '' when zod cannot express it. */
export function jsonSchemaText(schema: z.ZodType): string {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const copy: Record<string, unknown> = { ...json };
    delete copy['$schema'];
    return JSON.stringify(copy, null, 2);
  } catch {
    return '';
  }
}

/** The JSON Schema of what `safeParse` accepts as a compact TypeScript-like type; '' when zod cannot express it. */
export function compactSchemaOf(schema: z.ZodType): string {
  try {
    return compactSchemaText(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  } catch {
    return '';
  }
}

/** The rules every structured answer is held to, with the schema it must match (compact notation: a third of the JSON Schema's tokens). */
export function structuredInstructions(schema: z.ZodType, describe: string | undefined): string {
  const schemaText = compactSchemaOf(schema);
  return [
    'Answer with exactly one JSON value first, in a ```json fenced block.',
    describe === undefined ? '' : `The JSON is: ${describe}`,
    schemaText === '' ? '' : `Its shape (TypeScript-like; \`= v\` is a default, /re/ a pattern):\n${schemaText}`,
    'Rules:',
    '- Never put code inside JSON strings; put code in fenced blocks after the JSON, one block per piece of code, with its language (```ts).',
    '- No comments or trailing commas in the JSON; use exactly the property names of the schema.',
  ].filter((line) => line !== '').join('\n');
}

/** Adds the instructions to the caller's first system message, or as a new first one. */
export function withInstructions(messages: readonly ChatMessage[], instructions: string): ChatMessage[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system' && typeof first.content === 'string') {
    return [{ role: 'system', content: `${first.content}\n\n${instructions}` }, ...rest];
  }
  return [{ role: 'system', content: instructions }, ...messages];
}

/** `endpoints[0].method: Expected string, received number` */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) {
    return '(root)';
  }
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The two messages of the one repair turn: the answer as given, and what was wrong with it. */
export function repairTurn(previousAnswer: string, issues: readonly string[]): ChatMessage[] {
  const quoted = issues.slice(0, MAX_ISSUES).map((issue) => `- ${issue}`);
  if (issues.length > MAX_ISSUES) {
    quoted.push(`- … and ${issues.length - MAX_ISSUES} more`);
  }
  return [
    { role: 'assistant', content: truncate(previousAnswer, MAX_ECHO) },
    {
      role: 'user',
      content: [
        'Your JSON does not match the required schema:',
        ...quoted,
        'Reply with the corrected JSON only, in one ```json fenced block. Keep code out of JSON strings.',
      ].join('\n'),
    },
  ];
}
