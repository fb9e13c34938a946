import { isDeepStrictEqual } from 'node:util';
import { JSON_SCHEMA_FORMATS, type JsonSchema, type JsonSchemaFormat } from '../../jsonSchema';
import { isRecord } from '../parseDataText';
import type { RefResolver } from './refResolver';

/** What schema mapping needs: the document's references and the lists issues and warnings go to. */
export interface SchemaContext {
  readonly refs: RefResolver;
  readonly issues: string[];
  readonly warnings: string[];
  /** Request schemas drop readOnly properties; response schemas drop writeOnly ones. */
  readonly direction: 'request' | 'response';
}

type JsonType = NonNullable<JsonSchema['type']>;
const TYPES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
const NUMERIC_FORMATS = new Set(['int32', 'int64', 'float', 'double']);
const COPIED_NUMBERS = ['minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems'] as const;

/**
 * Maps an OpenAPI 3.0/3.1 schema object into Routecraft's JSON Schema subset: resolves local `$ref`s
 * (a cycle is an issue), folds `nullable` and `["string","null"]`, merges `allOf`, and reports
 * `oneOf`/`anyOf`/`not` as not supported yet, naming the path.
 */
export function mapOpenApiSchema(input: unknown, where: string, ctx: SchemaContext, stack: readonly string[] = []): JsonSchema {
  if (!isRecord(input)) {
    ctx.issues.push(`${where}: a schema must be an object`);
    return {};
  }
  if (typeof input.$ref === 'string') {
    const ref = input.$ref;
    if (stack.includes(ref)) {
      ctx.issues.push(`${where}: cyclic $ref ${[...stack.slice(stack.indexOf(ref)), ref].join(' → ')}: recursive schemas are not supported yet`);
      return {};
    }
    const target = ctx.refs.lookup(ref, where);
    if (target === undefined) {
      return {};
    }
    const mapped = mapOpenApiSchema(target, where, ctx, [...stack, ref]);
    return typeof input.description === 'string' ? { ...mapped, description: input.description } : mapped;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const raw = input[key];
    if (Array.isArray(raw)) {
      const variants: readonly unknown[] = raw;
      const nonNull = variants.filter((v) => !(isRecord(v) && v.type === 'null'));
      const only = nonNull[0];
      if (nonNull.length === 1 && variants.length === 2 && only !== undefined) {
        const rest = Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));
        return merge([mapOwn(rest, where, ctx, stack), mapOpenApiSchema(only, `${where}.${key}`, ctx, stack), { nullable: true }], where, ctx);
      }
      ctx.issues.push(`${where}: not supported yet: ${key} (a union of ${variants.length} schemas); describe a single schema instead`);
      return {};
    }
  }
  if ('not' in input) {
    ctx.issues.push(`${where}: not supported yet: not`);
    return {};
  }
  if (Array.isArray(input.allOf)) {
    const { allOf, ...rest } = input;
    const parts = (allOf as unknown[]).map((part, i) => mapOpenApiSchema(part, `${where}.allOf.${i}`, ctx, stack));
    return merge([mapOwn(rest, where, ctx, stack), ...parts], where, ctx);
  }
  return mapOwn(input, where, ctx, stack);
}

function mapOwn(input: Record<string, unknown>, where: string, ctx: SchemaContext, stack: readonly string[]): JsonSchema {
  const out: JsonSchema = {};
  mapType(input.type, out, where, ctx);
  if (input.nullable === true) {
    out.nullable = true;
  }
  if (typeof input.description === 'string') {
    out.description = input.description;
  }
  mapFormat(input.format, out, where, ctx);
  for (const key of COPIED_NUMBERS) {
    const value = input[key];
    if (typeof value === 'number') {
      out[key] = value;
    }
  }
  mapExclusive(input, out, 'exclusiveMinimum', 'minimum');
  mapExclusive(input, out, 'exclusiveMaximum', 'maximum');
  if (typeof input.pattern === 'string') {
    out.pattern = input.pattern;
  }
  if (typeof input.uniqueItems === 'boolean') {
    out.uniqueItems = input.uniqueItems;
  }
  const enumValues = Array.isArray(input.enum) ? (input.enum as unknown[]) : 'const' in input ? [input.const] : undefined;
  if (enumValues) {
    if (enumValues.includes(null)) {
      out.nullable = true;
    }
    out.enum = enumValues.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
  }
  if (input.items !== undefined) {
    out.items = mapOpenApiSchema(input.items, `${where}.items`, ctx, stack);
  }
  if (isRecord(input.properties)) {
    out.properties = {};
    for (const [name, property] of Object.entries(input.properties)) {
      if (isRecord(property) && ((ctx.direction === 'request' && property.readOnly === true) || (ctx.direction === 'response' && property.writeOnly === true))) {
        continue;
      }
      out.properties[name] = mapOpenApiSchema(property, `${where}.properties.${name}`, ctx, stack);
    }
    if (Array.isArray(input.required)) {
      const props = out.properties;
      out.required = input.required.filter((n): n is string => typeof n === 'string' && n in props);
    }
  }
  if (typeof input.additionalProperties === 'boolean') {
    out.additionalProperties = input.additionalProperties;
  } else if (isRecord(input.additionalProperties)) {
    ctx.warnings.push(`${where}: additionalProperties with a schema is not supported yet; extra properties are allowed unchecked`);
  }
  if ('default' in input) {
    out.default = input.default;
  }
  if (Array.isArray(input.examples)) {
    out.examples = input.examples as unknown[];
  } else if ('example' in input) {
    out.examples = [input.example];
  }
  if (out.type === undefined && out.properties !== undefined) {
    out.type = 'object';
  } else if (out.type === undefined && out.items !== undefined) {
    out.type = 'array';
  }
  return out;
}

function mapType(type: unknown, out: JsonSchema, where: string, ctx: SchemaContext): void {
  const types: readonly unknown[] = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const nonNull = types.filter((t) => t !== 'null');
  if (types.includes('null')) {
    if (nonNull.length === 0) {
      out.type = 'null';
      return;
    }
    out.nullable = true;
  }
  if (nonNull.length > 1) {
    ctx.issues.push(`${where}: not supported yet: type ${JSON.stringify(types)} (more than one type)`);
    return;
  }
  const only = nonNull[0];
  if (only === undefined) {
    return;
  }
  if (typeof only !== 'string' || !TYPES.includes(only)) {
    ctx.issues.push(`${where}: unknown type ${JSON.stringify(only)}`);
    return;
  }
  out.type = only as JsonType;
}

function mapFormat(format: unknown, out: JsonSchema, where: string, ctx: SchemaContext): void {
  if (typeof format !== 'string' || NUMERIC_FORMATS.has(format)) {
    return;
  }
  if ((JSON_SCHEMA_FORMATS as readonly string[]).includes(format)) {
    out.format = format as JsonSchemaFormat;
  } else {
    ctx.warnings.push(`${where}: format "${format}" is not checked by Routecraft; dropped`);
  }
}

function mapExclusive(input: Record<string, unknown>, out: JsonSchema, key: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
  const value = input[key];
  if (typeof value === 'number') {
    out[key] = value;
  } else if (value === true && typeof input[bound] === 'number') {
    out[key] = input[bound];
    if (bound === 'minimum') {
      delete out.minimum;
    } else {
      delete out.maximum;
    }
  }
}

/** Merges allOf parts: properties and required are unions; any other keyword must agree. */
function merge(parts: readonly JsonSchema[], where: string, ctx: SchemaContext): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      if (key === 'properties' && isRecord(existing) && isRecord(value)) {
        out[key] = { ...existing, ...value };
      } else if (key === 'required' && Array.isArray(existing) && Array.isArray(value)) {
        out[key] = [...new Set([...(existing as unknown[]), ...(value as unknown[])])];
      } else if (key === 'description' && existing !== undefined) {
        continue;
      } else if (existing !== undefined && !isDeepStrictEqual(existing, value)) {
        ctx.issues.push(`${where}: not supported yet: allOf parts disagree on "${key}" (${JSON.stringify(existing)} vs ${JSON.stringify(value)})`);
      } else {
        out[key] = value;
      }
    }
  }
  return out;
}
