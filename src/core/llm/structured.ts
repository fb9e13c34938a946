import type { z } from 'zod';
import { extractCodeBlocks, type CodeBlock } from './codeBlocks';
import { extractJson } from './extractJson';
import { isResponseFormatRefusal, responseFormatOf, structuredOutputRefusedError, type ResponseFormat } from './responseFormat';
import { formatIssues, repairTurn, structuredInstructions, withInstructions } from './structuredPrompt';
import type { ChatAnswer, ChatMessage, ChatRequest, LlmClient, LlmResult } from './types';

export { extractCodeBlocks, type CodeBlock } from './codeBlocks';
export { extractJson, type ExtractJsonResult, type JsonSource } from './extractJson';

/** The chat request's options a structured request passes on to every turn of its conversation. */
type ForwardedChatOptions = Pick<ChatRequest, 'messages' | 'purpose' | 'signal' | 'onDelta' | 'temperature' | 'maxTokens' | 'command' | 'cache' | 'format'>;

/**
 * A request for an answer that must match `schema`; the chat options (`messages`, `purpose`, `signal`,
 * `command`, `cache`, `format` — which names the answer's shape, e.g. `endpoint-spec@1` — …) mean what
 * they mean for {@link ChatRequest}.
 */
export interface StructuredRequest<T> extends ForwardedChatOptions {
  readonly schema: z.ZodType<T>;
  /** One sentence on what the JSON holds, added to the instructions. */
  readonly describe?: string;
  /**
   * Makes the repair turn's messages (the request, the answer echoed, the issues) fit the caller's
   * prompt budget, e.g. by sending less context; they are sent as given without it.
   */
  readonly fitRepair?: (messages: ChatMessage[]) => Promise<ChatMessage[]>;
  /**
   * The code the answer still needs beside the JSON, as a request to the model (`undefined`: none).
   * A server holding the answer to a JSON Schema cannot write fenced blocks after the JSON, so when
   * structured output was used and the answer has none, ONE follow-up turn asks for them.
   */
  readonly codeFollowUp?: (value: T) => string | undefined;
}

/** A validated answer, the answer it came from, and the fenced code that travelled beside it. */
export interface StructuredAnswer<T> {
  readonly value: T;
  readonly answer: ChatAnswer;
  /** Fenced blocks other than the one holding the JSON, in order. */
  readonly codeBlocks: readonly CodeBlock[];
  /** True when the first answer was wrong and the repair turn fixed it. */
  readonly repaired: boolean;
  /** `json_schema` when the server was asked for structured output, `prompt` for prompt-only JSON. */
  readonly via?: 'json_schema' | 'prompt';
}

type Checked<T> = { ok: true; value: T; codeBlocks: CodeBlock[] } | { ok: false; issues: string[] };

/**
 * Asks for a structured answer: instructs the model with the schema (compact notation), and unless
 * the setting `structuredOutput` is `off` also sends it as `response_format: json_schema` so servers
 * that support it constrain the answer; a server that refuses it is remembered for the session and
 * asked again without it (`auto`). Extracts the JSON, validates it with `schema.safeParse`, and on
 * failure sends ONE repair turn quoting the issues. Returns `invalid` (with the issues and the last
 * raw answer) if it is still wrong.
 */
export async function askStructured<T>(client: LlmClient, request: StructuredRequest<T>): Promise<LlmResult<StructuredAnswer<T>>> {
  const { settings } = client;
  const mode = settings.structuredOutput ?? 'auto';
  const format = mode === 'off' ? undefined : responseFormatOf(request.schema, request.format ?? request.purpose);
  if (format !== undefined && !(mode === 'auto' && client.structuredOutput?.refused(settings.baseUrl, settings.model) === true)) {
    const result = await askOnce(client, request, format);
    if (result.kind !== 'failed' || !isResponseFormatRefusal(result.error)) {
      return result;
    }
    if (mode === 'on') {
      return { kind: 'failed', error: structuredOutputRefusedError(result.error, settings.model) };
    }
    client.structuredOutput?.refuse(settings.baseUrl, settings.model);
  }
  return askOnce(client, request, undefined);
}

async function askOnce<T>(client: LlmClient, request: StructuredRequest<T>, format: ResponseFormat | undefined): Promise<LlmResult<StructuredAnswer<T>>> {
  const via = format === undefined ? 'prompt' : 'json_schema';
  const options = { ...chatOptions(request), ...(format === undefined ? {} : { responseFormat: format }) };
  const messages = withInstructions(request.messages, structuredInstructions(request.schema, request.describe));
  const first = await client.chat({ ...options, messages });
  if (first.kind !== 'ok') {
    return first;
  }
  const checked = check(request.schema, first.value.text);
  if (checked.ok) {
    const answer = { value: checked.value, answer: first.value, codeBlocks: checked.codeBlocks, repaired: false, via } as const;
    return withCode(client, request, format, [...messages, { role: 'assistant', content: first.value.text }], answer);
  }
  const repair = [...messages, ...repairTurn(first.value.text, checked.issues)];
  const repairMessages = request.fitRepair ? await request.fitRepair(repair) : repair;
  const second = await client.chat({ ...options, purpose: `${request.purpose} (repair)`, messages: repairMessages });
  if (second.kind !== 'ok') {
    return second;
  }
  const rechecked = check(request.schema, second.value.text);
  if (!rechecked.ok) {
    return { kind: 'invalid', issues: rechecked.issues, raw: second.value.text };
  }
  // A "JSON only" repair drops the code; the first answer's code still belongs to it.
  const codeBlocks = rechecked.codeBlocks.length > 0 ? rechecked.codeBlocks : codeBesideJson(first.value.text);
  const answer = { value: rechecked.value, answer: second.value, codeBlocks, repaired: true, via } as const;
  return withCode(client, request, format, [...repairMessages, { role: 'assistant', content: second.value.text }], answer);
}

/** Under structured output the model could not write code after the JSON: one plain turn asks for it. */
async function withCode<T>(
  client: LlmClient,
  request: StructuredRequest<T>,
  format: ResponseFormat | undefined,
  conversation: readonly ChatMessage[],
  answer: StructuredAnswer<T>,
): Promise<LlmResult<StructuredAnswer<T>>> {
  const ask = format === undefined || answer.codeBlocks.length > 0 ? undefined : request.codeFollowUp?.(answer.value);
  if (ask === undefined) {
    return { kind: 'ok', value: answer };
  }
  const followUp: ChatRequest = {
    ...chatOptions(request),
    // Free text with fenced code: nothing to validate against the schema.
    validate: undefined,
    purpose: `${request.purpose} (code)`,
    format: `${request.format ?? request.purpose}+code`,
    messages: [...conversation, { role: 'user', content: `${ask}\nReply with the fenced code blocks only, no JSON.` }],
  };
  const code = await client.chat(followUp);
  if (code.kind !== 'ok') {
    return code;
  }
  return { kind: 'ok', value: { ...answer, codeBlocks: extractCodeBlocks(code.value.text).filter((b) => !isJsonLang(b.lang)) } };
}

function chatOptions<T>(request: StructuredRequest<T>): Omit<ChatRequest, 'messages'> {
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
