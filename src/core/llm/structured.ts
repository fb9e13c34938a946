import type { z } from 'zod';
import { extractCodeBlocks, type CodeBlock } from './codeBlocks';
import { extractJson } from './extractJson';
import { formatIssues, repairTurn, structuredInstructions, withInstructions } from './structuredPrompt';
import type { ChatAnswer, ChatMessage, LlmClient, LlmResult } from './types';

export { extractCodeBlocks, type CodeBlock } from './codeBlocks';
export { extractJson, type ExtractJsonResult, type JsonSource } from './extractJson';

/** A request for an answer that must match `schema`. */
export interface StructuredRequest<T> {
  readonly schema: z.ZodType<T>;
  readonly messages: readonly ChatMessage[];
  /** What the call is for, for logs ("endpoint", "tests" …). */
  readonly purpose: string;
  readonly signal?: AbortSignal;
  /** One sentence on what the JSON holds, added to the instructions. */
  readonly describe?: string;
  readonly onDelta?: (text: string) => void;
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** The command that asked, for the audit log. */
  readonly command?: string;
  /** `bypass` skips the response cache for this request. */
  readonly cache?: 'use' | 'bypass';
  /** Names the answer's shape (e.g. `endpoint-spec@1`); part of the cache key. */
  readonly format?: string;
  /**
   * Makes the repair turn's messages (the request, the answer echoed, the issues) fit the caller's
   * prompt budget, e.g. by sending less context; they are sent as given without it.
   */
  readonly fitRepair?: (messages: ChatMessage[]) => Promise<ChatMessage[]>;
}

/** A validated answer, the answer it came from, and the fenced code that travelled beside it. */
export interface StructuredAnswer<T> {
  readonly value: T;
  readonly answer: ChatAnswer;
  /** Fenced blocks other than the one holding the JSON, in order. */
  readonly codeBlocks: readonly CodeBlock[];
  /** True when the first answer was wrong and the repair turn fixed it. */
  readonly repaired: boolean;
}

type Checked<T> = { ok: true; value: T; codeBlocks: CodeBlock[] } | { ok: false; issues: string[] };

/**
 * Asks for a structured answer: instructs the model with the schema's JSON Schema, extracts the
 * JSON, validates it with `schema.safeParse`, and on failure sends ONE repair turn quoting the
 * issues. Returns `invalid` (with the issues and the last raw answer) if it is still wrong.
 */
export async function askStructured<T>(client: LlmClient, request: StructuredRequest<T>): Promise<LlmResult<StructuredAnswer<T>>> {
  const messages = withInstructions(request.messages, structuredInstructions(request.schema, request.describe));
  const first = await client.chat({ ...chatOptions(request), messages });
  if (first.kind !== 'ok') {
    return first;
  }
  const checked = check(request.schema, first.value.text);
  if (checked.ok) {
    return { kind: 'ok', value: { value: checked.value, answer: first.value, codeBlocks: checked.codeBlocks, repaired: false } };
  }
  const repair = [...messages, ...repairTurn(first.value.text, checked.issues)];
  const second = await client.chat({
    ...chatOptions(request),
    purpose: `${request.purpose} (repair)`,
    messages: request.fitRepair ? await request.fitRepair(repair) : repair,
  });
  if (second.kind !== 'ok') {
    return second;
  }
  const rechecked = check(request.schema, second.value.text);
  if (!rechecked.ok) {
    return { kind: 'invalid', issues: rechecked.issues, raw: second.value.text };
  }
  // A "JSON only" repair drops the code; the first answer's code still belongs to it.
  const codeBlocks = rechecked.codeBlocks.length > 0 ? rechecked.codeBlocks : codeBesideJson(first.value.text);
  return { kind: 'ok', value: { value: rechecked.value, answer: second.value, codeBlocks, repaired: true } };
}

function chatOptions<T>(request: StructuredRequest<T>): Omit<Parameters<LlmClient['chat']>[0], 'messages'> {
  return {
    purpose: request.purpose,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.onDelta === undefined ? {} : { onDelta: request.onDelta }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
    ...(request.command === undefined ? {} : { command: request.command }),
    ...(request.cache === undefined ? {} : { cache: request.cache }),
    ...(request.format === undefined ? {} : { format: request.format }),
    // Structured answers feed generators: secrets in them must become env lookups, never values.
    destination: 'code',
    // Only answers that validate are cached; the others are audited as `invalid`.
    validate: (text: string) => {
      const checked = check(request.schema, text);
      return checked.ok ? [] : checked.issues;
    },
  };
}

function check<T>(schema: z.ZodType<T>, text: string): Checked<T> {
  const extracted = extractJson(text);
  if ('error' in extracted) {
    return { ok: false, issues: [`(answer): ${extracted.error}`] };
  }
  const parsed = schema.safeParse(extracted.json);
  if (!parsed.success) {
    return { ok: false, issues: formatIssues(parsed.error.issues) };
  }
  return { ok: true, value: parsed.data, codeBlocks: codeBesideJson(text, extracted) };
}

/** Code blocks outside the span that held the JSON. */
function codeBesideJson(text: string, found = extractJson(text)): CodeBlock[] {
  const blocks = extractCodeBlocks(text);
  if ('error' in found) {
    return blocks.filter((b) => !isJsonLang(b.lang));
  }
  return blocks.filter((b) => b.end <= found.start || b.start >= found.end);
}

function isJsonLang(lang: string): boolean {
  return lang === 'json' || lang === 'jsonc';
}
