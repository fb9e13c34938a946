import { z } from 'zod';
import { RoutecraftError } from '../errors';

/**
 * Whether structured answers ask the server for `response_format: json_schema`: `auto` tries it and
 * falls back to prompt-only JSON when the server refuses it, `on` always sends it (a refusal is an
 * error), `off` never sends it.
 */
export type StructuredOutputMode = 'auto' | 'on' | 'off';

export const STRUCTURED_OUTPUT_MODES: readonly StructuredOutputMode[] = ['auto', 'on', 'off'];

/** The JSON Schema a request asks the server to hold its answer to. */
export interface ResponseFormat {
  /** `^[A-Za-z0-9_-]{1,64}$`, as OpenAI requires. */
  readonly name: string;
  readonly schema: Readonly<Record<string, unknown>>;
  /**
   * OpenAI's strict mode (the answer is guaranteed to match). Only set when the schema meets its
   * rules (every object closed, every property required); vLLM, llama.cpp, LM Studio and Ollama
   * constrain decoding to the schema either way.
   */
  readonly strict: boolean;
}

/** The `response_format` body member of a request. */
export function responseFormatBody(format: ResponseFormat): { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } } {
  return { type: 'json_schema', json_schema: { name: format.name, schema: { ...format.schema }, strict: format.strict } };
}

/**
 * The response format of what `schema.safeParse` accepts, from zod's own JSON Schema (input side,
 * so defaults stay optional). `undefined` when zod cannot express it or its root is not an object
 * (OpenAI accepts only object roots).
 */
export function responseFormatOf(schema: z.ZodType, name: string): ResponseFormat | undefined {
  let json: Record<string, unknown>;
  try {
    json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) };
  } catch {
    return undefined;
  }
  delete json['$schema'];
  if (json['type'] !== 'object') {
    return undefined;
  }
  return { name: formatName(name), schema: json, strict: isStrictCompatible(json) };
}

function formatName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
  return cleaned === '' ? 'answer' : cleaned;
}

/** Keywords OpenAI's strict mode accepts (anything else makes the request fail there). */
const STRICT_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', '$ref', '$defs',
  'description', 'title', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minItems', 'maxItems',
]);

/** True when every object is closed with all properties required and only strict-mode keywords are used. */
export function isStrictCompatible(node: unknown): boolean {
  if (Array.isArray(node)) {
    return node.every(isStrictCompatible);
  }
  if (typeof node !== 'object' || node === null) {
    return true;
  }
  const record = node as Record<string, unknown>;
  if (Object.keys(record).some((key) => !STRICT_KEYWORDS.has(key))) {
    return false;
  }
  const properties = record['properties'];
  if (typeof properties === 'object' && properties !== null) {
    const required = Array.isArray(record['required']) ? record['required'] : [];
    if (record['additionalProperties'] !== false || Object.keys(properties).some((key) => !required.includes(key))) {
      return false;
    }
    if (!Object.values(properties).every(isStrictCompatible)) {
      return false;
    }
  }
  const nested = [record['items'], record['anyOf'], record['$defs'] === undefined ? undefined : Object.values(record['$defs'] as object)];
  return nested.every((child) => child === undefined || isStrictCompatible(child));
}

/** Server words naming the option itself (OpenAI, vLLM, LM Studio, llama.cpp, LiteLLM). */
const NAMES_IT = /response_format|json_schema|structured output|guided[_ ]decoding/i;
/** Generic "I do not take this parameter" wording… */
const UNSUPPORTED = /unsupported (?:parameter|param|value)|not supported|unrecognized|unknown (?:field|parameter)|extra (?:inputs|fields) are not permitted/i;
/** …unless it names another request parameter, which falling back would not fix. */
const OTHER_PARAMETER = /\b(?:temperature|max_tokens|max_completion_tokens|stream_options|stream|top_p|tools|tool_choice)\b/i;

/**
 * True when a failed call is the server refusing `response_format` (HTTP 400/422/501 whose text
 * names it, or an unsupported-parameter error naming no other parameter), so the call can be
 * repeated without it.
 */
export function isResponseFormatRefusal(error: unknown): boolean {
  if (!(error instanceof RoutecraftError) || error.code !== 'llm-http') {
    return false;
  }
  if (error.status !== 400 && error.status !== 422 && error.status !== 501) {
    return false;
  }
  const said = error.detail ?? '';
  return NAMES_IT.test(said) || (UNSUPPORTED.test(said) && !OTHER_PARAMETER.test(said));
}

/**
 * Servers (origin + model) that refused `response_format` in this session, so later calls go
 * straight to prompt-only JSON instead of paying the refusal again. Owned by whoever owns the
 * session (the CLI run, the extension's LLM services); never module state.
 */
export class StructuredOutputMemo {
  private readonly refusedKeys = new Set<string>();

  /** True when this server and model refused structured output earlier in the session. */
  refused(baseUrl: string, model: string): boolean {
    return this.refusedKeys.has(memoKey(baseUrl, model));
  }

  refuse(baseUrl: string, model: string): void {
    this.refusedKeys.add(memoKey(baseUrl, model));
  }
}

function memoKey(baseUrl: string, model: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    origin = baseUrl.trim();
  }
  return `${origin}\u0000${model}`;
}

/** The error of a refusal when structured output is forced `on`: says which setting lets it fall back. */
export function structuredOutputRefusedError(refusal: RoutecraftError, model: string): RoutecraftError {
  return new RoutecraftError(
    'llm-http',
    `${refusal.message.replace(/ The prompt may be too long[^]*$/, '')} It does not take structured output ` +
      `(response_format json_schema) for model '${model}', which the setting routecraft.llm.structuredOutput ` +
      `(CLI --structured-output) forces on. Set it to "auto" to fall back to prompt-only JSON, or "off".`,
    refusal.detail,
    refusal.status,
  );
}
