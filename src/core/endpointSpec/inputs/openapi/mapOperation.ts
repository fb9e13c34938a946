import type { JsonSchema } from '../../jsonSchema';
import { camel, pascal } from '../../naming';
import { isRecord } from '../parseDataText';
import { mapOpenApiSchema } from './mapOpenApiSchema';
import type { RefResolver } from './refResolver';

/** An endpoint before validation: the shape of `Endpoint`, checked later by EndpointSpecSchema. */
export interface EndpointDraft {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  pathParams?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  responses: Record<string, { description: string; schema?: JsonSchema }>;
  logic?: string;
}

/** What mapping one operation needs. */
export interface OperationContext {
  readonly refs: RefResolver;
  readonly issues: string[];
  readonly warnings: string[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;

/** `get /users/{id}` → `getUsersById`: the operationId when the document names none. */
export function deriveOperationId(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => (s.startsWith('{') ? `By${pascal(s.slice(1, -1))}` : pascal(s)));
  return camel(method) + (parts.length > 0 ? parts.join('') : 'Root');
}

/**
 * Maps one OpenAPI operation into an endpoint draft: path and query parameters (path-level ones
 * merged in), an application/json request body, and every numbered response.
 */
export function mapOperation(method: string, rawPath: string, operation: Record<string, unknown>, pathLevelParameters: unknown, ctx: OperationContext): EndpointDraft {
  const where = `${method.toUpperCase()} ${rawPath}`;
  const path = rawPath.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (IDENTIFIER.test(name)) {
      return `{${name}}`;
    }
    ctx.warnings.push(`${where}: path parameter {${name}} renamed {${camel(name)}}`);
    return `{${camel(name)}}`;
  });
  const draft: EndpointDraft = {
    operationId: operationIdOf(operation, method, path, where, ctx),
    method: method.toUpperCase(),
    path,
    summary: summaryOf(operation, method, path),
    responses: {},
  };
  if (typeof operation.description === 'string' && operation.description.trim() !== draft.summary) {
    draft.description = operation.description.trim();
  }
  if (typeof operation['x-routecraft-logic'] === 'string') {
    draft.logic = operation['x-routecraft-logic'];
  }
  mapParameters(draft, [...asArray(pathLevelParameters), ...asArray(operation.parameters)], where, ctx);
  mapRequestBody(draft, operation.requestBody, where, ctx);
  mapResponses(draft, operation.responses, where, ctx);
  return draft;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function operationIdOf(operation: Record<string, unknown>, method: string, path: string, where: string, ctx: OperationContext): string {
  const given = operation.operationId;
  if (typeof given !== 'string' || given.trim() === '') {
    return deriveOperationId(method, path);
  }
  if (OPERATION_ID.test(given)) {
    return given;
  }
  const fixed = camel(given);
  ctx.warnings.push(`${where}: operationId "${given}" renamed "${fixed}" (camelCase identifier)`);
  return fixed;
}

function summaryOf(operation: Record<string, unknown>, method: string, path: string): string {
  if (typeof operation.summary === 'string' && operation.summary.trim() !== '') {
    return operation.summary.trim();
  }
  if (typeof operation.description === 'string' && operation.description.trim() !== '') {
    return operation.description.trim().split('\n')[0]!;
  }
  return `${method.toUpperCase()} ${path}`;
}

function mapParameters(draft: EndpointDraft, parameters: readonly unknown[], where: string, ctx: OperationContext): void {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const [i, raw] of parameters.entries()) {
    const parameter = ctx.refs.deref(raw, `${where} parameters.${i}`);
    if (parameter && typeof parameter.name === 'string' && typeof parameter.in === 'string') {
      byKey.set(`${parameter.in}:${parameter.name}`, parameter); // operation-level ones come last and win
    }
  }
  for (const parameter of byKey.values()) {
    const name = parameter.name as string;
    const location = parameter.in as string;
    if (location !== 'path' && location !== 'query') {
      ctx.warnings.push(`${where}: ${location} parameter "${name}" ignored (only path and query parameters are supported yet)`);
      continue;
    }
    const key = location === 'path' ? 'pathParams' : 'query';
    const propertyName = IDENTIFIER.test(name) ? name : camel(name);
    const schemaSource = parameter.schema ?? firstJsonContent(parameter.content)?.schema ?? { type: 'string' };
    const schema = mapOpenApiSchema(schemaSource, `${where} ${location}.${name}`, { ...ctx, direction: 'request' });
    if (typeof parameter.description === 'string' && schema.description === undefined) {
      schema.description = parameter.description;
    }
    const target = (draft[key] ??= { type: 'object', properties: {}, required: [] });
    target.properties![propertyName] = schema;
    if (location === 'path' || parameter.required === true) {
      target.required!.push(propertyName);
    }
  }
  for (const target of [draft.pathParams, draft.query]) {
    if (target?.required?.length === 0) {
      delete target.required;
    }
  }
}

function firstJsonContent(content: unknown): { type: string; schema: unknown } | undefined {
  if (!isRecord(content)) {
    return undefined;
  }
  const type = Object.keys(content).find((t) => t === 'application/json' || /^application\/[\w.+-]*\+json$/.test(t) || t === '*/*');
  const media = type !== undefined ? content[type] : undefined;
  return type !== undefined && isRecord(media) ? { type, schema: media.schema } : undefined;
}

function mapRequestBody(draft: EndpointDraft, raw: unknown, where: string, ctx: OperationContext): void {
  if (raw === undefined) {
    return;
  }
  const requestBody = ctx.refs.deref(raw, `${where} requestBody`);
  if (!requestBody) {
    return;
  }
  const json = firstJsonContent(requestBody.content);
  if (!json) {
    const types = isRecord(requestBody.content) ? Object.keys(requestBody.content).join(', ') : 'none';
    ctx.issues.push(`${where} requestBody: not supported yet: request body content type ${types} (only application/json)`);
    return;
  }
  if (requestBody.required === false) {
    ctx.warnings.push(`${where}: the optional request body is treated as required`);
  }
  draft.body = mapOpenApiSchema(json.schema ?? {}, `${where} body`, { ...ctx, direction: 'request' });
}

function mapResponses(draft: EndpointDraft, raw: unknown, where: string, ctx: OperationContext): void {
  if (!isRecord(raw)) {
    return;
  }
  for (const [code, value] of Object.entries(raw)) {
    if (!/^[1-5]\d\d$/.test(code)) {
      ctx.warnings.push(`${where}: response "${code}" ignored (only numbered status codes are supported yet)`);
      continue;
    }
    const response = ctx.refs.deref(value, `${where} responses.${code}`);
    if (!response) {
      continue;
    }
    const json = firstJsonContent(response.content);
    const spec: { description: string; schema?: JsonSchema } = { description: typeof response.description === 'string' ? response.description : '' };
    if (json?.schema !== undefined) {
      spec.schema = mapOpenApiSchema(json.schema, `${where} responses.${code}`, { ...ctx, direction: 'response' });
    }
    draft.responses[code] = spec;
  }
}
