import { typeScriptToSpec, TYPESCRIPT_DECLARATION } from './code/typeScriptToSpec';
import { ZOD_OBJECT, zodToSpec } from './code/zodToSpec';
import { finalizeSpec } from './finalizeSpec';
import { openApiKindOf, openApiToSpec, type OpenApiInputKind } from './openapi/openApiToSpec';
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
  // Data first: a spec's description may quote code; code is rarely valid, meaningful YAML.
  const data = parseDataText(text);
  if (data.ok && isRecord(data.data) && dataKindOf(data.data) !== undefined) {
    return specFromData(data.data, options);
  }
  if (ZOD_OBJECT.test(text)) {
    return attempt('zod', () => zodToSpec(text));
  }
  if (TYPESCRIPT_DECLARATION.test(text)) {
    return attempt('typescript', () => typeScriptToSpec(text));
  }
  if (!data.ok) {
    return SPEC_LIKE.test(text) || /^\s*[{[]/.test(text) ? { kind: 'invalid', source: 'unknown', issues: data.errors } : { kind: 'not-structured' };
  }
  return { kind: 'not-structured' };
}

/** Converts already-parsed JSON or YAML data (a Routecraft spec or OpenAPI input). */
export function specFromData(data: unknown, options: SpecInputOptions = {}): SpecInputResult {
  const kind = isRecord(data) ? dataKindOf(data) : undefined;
  if (!isRecord(data) || kind === undefined) {
    return { kind: 'not-structured' };
  }
  if (kind === 'routecraft') {
    return keepOperations(finalizeSpec(data, 'routecraft', []), options);
  }
  return attempt('openapi', () => openApiToSpec(data, kind, options));
}

function dataKindOf(data: Record<string, unknown>): OpenApiInputKind | 'routecraft' | undefined {
  if ('version' in data || ('resource' in data && ('crud' in data || 'endpoints' in data))) {
    return 'routecraft';
  }
  return openApiKindOf(data);
}

/** `--operation` on a Routecraft spec keeps the named endpoints (CRUD operations have no operationIds). */
function keepOperations(result: SpecInputResult, options: SpecInputOptions): SpecInputResult {
  const wanted = options.operations ?? [];
  if (result.kind !== 'spec' || wanted.length === 0) {
    return result;
  }
  const available = result.spec.endpoints.map((e) => e.operationId);
  const missing = wanted.filter((name) => !available.includes(name));
  if (missing.length > 0) {
    return { kind: 'invalid', source: 'routecraft', issues: missing.map((name) => `operation "${name}" not found; available: ${available.join(', ') || 'none'}`) };
  }
  return { ...result, spec: { ...result.spec, endpoints: result.spec.endpoints.filter((e) => wanted.includes(e.operationId)) } };
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
