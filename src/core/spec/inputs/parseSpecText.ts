import { typeScriptToSpec, TYPESCRIPT_DECLARATION } from './code/typeScriptToSpec';
import { ZOD_OBJECT, zodToSpec } from './code/zodToSpec';
import { finalizeSpec } from './finalizeSpec';
import { openApiKindOf, openApiToSpec } from './openapi/openApiToSpec';
import { isRecord, parseDataText } from './parseDataText';
import { SpecConversionError, type SpecInputOptions, type SpecInputResult, type SpecSource } from './specInputResult';

/** Keys that make text that fails to parse look like a spec rather than prose. */
const SPEC_LIKE = /^\s*["']?(version|resource|basePath|crud|endpoints|openapi|swagger|paths|components|operationId|requestBody|responses|parameters|get|post|put|patch|delete|\/[\w{}\-./]*)["']?\s*:/m;

/**
 * Recognises structured input that needs no LLM and converts it into a validated endpoint spec:
 * a Routecraft spec (JSON or YAML), an OpenAPI 3.x document, path item or operation, a TypeScript
 * interface or object type, or a zod object schema. Plain words give `not-structured`.
 */
export function parseSpecText(text: string, options: SpecInputOptions = {}): SpecInputResult {
  if (text.trim() === '') {
    return { kind: 'not-structured' };
  }
  if (ZOD_OBJECT.test(text)) {
    return attempt('zod', () => zodToSpec(text));
  }
  if (TYPESCRIPT_DECLARATION.test(text)) {
    return attempt('typescript', () => typeScriptToSpec(text));
  }
  const data = parseDataText(text);
  if (!data.ok) {
    return SPEC_LIKE.test(text) || /^\s*[{[]/.test(text) ? { kind: 'invalid', source: 'unknown', issues: data.errors } : { kind: 'not-structured' };
  }
  return specFromData(data.data, options);
}

/** Converts already-parsed JSON or YAML data (a Routecraft spec or OpenAPI input). */
export function specFromData(data: unknown, options: SpecInputOptions = {}): SpecInputResult {
  if (!isRecord(data)) {
    return { kind: 'not-structured' };
  }
  const openApiKind = openApiKindOf(data);
  if (openApiKind) {
    return attempt('openapi', () => openApiToSpec(data, openApiKind, options));
  }
  if ('version' in data || ('resource' in data && ('crud' in data || 'endpoints' in data))) {
    return finalizeSpec(data, 'routecraft', []);
  }
  return { kind: 'not-structured' };
}

/** Runs a converter: its SpecConversionError becomes `invalid`, its result goes through validation. */
function attempt(source: SpecSource, run: () => { spec: unknown; warnings: string[] } | undefined): SpecInputResult {
  let converted: { spec: unknown; warnings: string[] } | undefined;
  try {
    converted = run();
  } catch (error) {
    if (error instanceof SpecConversionError) {
      return { kind: 'invalid', source, issues: error.issues };
    }
    throw error;
  }
  return converted ? finalizeSpec(converted.spec, source, converted.warnings) : { kind: 'not-structured' };
}
