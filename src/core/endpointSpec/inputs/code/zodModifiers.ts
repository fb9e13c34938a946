import { Node } from 'ts-morph';
import type { JsonSchema, JsonSchemaFormat } from '../../jsonSchema';
import { literalOf, type ZodCall } from './zodCalls';

/** A zod schema read so far: its JSON Schema and whether `.optional()` made it optional. */
export interface ZodState {
  schema: JsonSchema;
  optional: boolean;
}

const STRING_FORMATS: Readonly<Record<string, JsonSchemaFormat>> = { email: 'email', uuid: 'uuid', guid: 'uuid', url: 'uri', datetime: 'date-time', date: 'date', ipv4: 'ipv4', ipv6: 'ipv6' };
const BOUNDS: Readonly<Record<string, readonly ['minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', number | undefined]>> = {
  gt: ['exclusiveMinimum', undefined],
  gte: ['minimum', undefined],
  lt: ['exclusiveMaximum', undefined],
  lte: ['maximum', undefined],
  positive: ['exclusiveMinimum', 0],
  nonnegative: ['minimum', 0],
  negative: ['exclusiveMaximum', 0],
  nonpositive: ['maximum', 0],
};
const IGNORED = new Set(['finite', 'safe', 'passthrough', 'strip', 'loose', 'readonly', 'brand']);
const TRANSFORMS = new Set(['trim', 'toLowerCase', 'toUpperCase', 'normalize']);

/**
 * Applies one chained zod call (`.min(8)`, `.email()`, `.optional()`...) to the schema read so far.
 * An unknown call or a non-literal argument is an issue naming the call and the property.
 */
export function applyZodModifier(state: ZodState, call: ZodCall, where: string, issues: string[], warnings: string[]): void {
  const s = state.schema;
  const number = (): number | undefined => {
    const value = literalOf(call.args[0]);
    if (typeof value !== 'number') {
      issues.push(`${where}: .${call.name}(...) needs a number literal`);
      return undefined;
    }
    return value;
  };
  const format = STRING_FORMATS[call.name];
  const bound = BOUNDS[call.name];
  if (format !== undefined && s.type === 'string') {
    s.format = format;
  } else if (bound !== undefined) {
    const value = bound[1] ?? number();
    if (value !== undefined) {
      s[bound[0]] = value;
    }
  } else if (IGNORED.has(call.name)) {
    return;
  } else if (TRANSFORMS.has(call.name)) {
    warnings.push(`${where}: .${call.name}() is a transform; the spec keeps only its validation`);
  } else {
    applyOther(state, call, where, issues, warnings, number);
  }
}

function applyOther(state: ZodState, call: ZodCall, where: string, issues: string[], warnings: string[], number: () => number | undefined): void {
  const s = state.schema;
  switch (call.name) {
    case 'optional':
      state.optional = true;
      return;
    case 'nullable':
      s.nullable = true;
      return;
    case 'nullish':
      s.nullable = true;
      state.optional = true;
      return;
    case 'default': {
      const value = literalOf(call.args[0]);
      if (value === undefined) {
        warnings.push(`${where}: .default(...) is not a literal; the spec leaves the default to the handler`);
      } else {
        s.default = value;
      }
      state.optional = true;
      return;
    }
    case 'describe': {
      const text = literalOf(call.args[0]);
      if (typeof text === 'string') {
        s.description = text;
      }
      return;
    }
    case 'int':
      s.type = 'integer';
      return;
    case 'strict':
      s.additionalProperties = false;
      return;
    case 'multipleOf':
    case 'step': {
      const value = number();
      if (value !== undefined) {
        s.multipleOf = value;
      }
      return;
    }
    case 'regex':
      applyRegex(s, call, where, issues);
      return;
    case 'min':
    case 'max':
    case 'length':
    case 'nonempty':
      applySize(s, call.name, call.name === 'nonempty' ? 1 : number(), where, issues);
      return;
    default:
      issues.push(`${where}: unknown zod call .${call.name}(): not supported yet`);
  }
}

function applySize(s: JsonSchema, name: string, value: number | undefined, where: string, issues: string[]): void {
  if (value === undefined) {
    return;
  }
  const low = name !== 'max';
  const high = name === 'max' || name === 'length';
  if (s.type === 'string') {
    if (low) { s.minLength = value; }
    if (high) { s.maxLength = value; }
  } else if (s.type === 'array') {
    if (low) { s.minItems = value; }
    if (high) { s.maxItems = value; }
  } else if ((s.type === 'number' || s.type === 'integer') && name !== 'length' && name !== 'nonempty') {
    if (name === 'min') { s.minimum = value; } else { s.maximum = value; }
  } else {
    issues.push(`${where}: .${name}() does not apply to ${s.type ?? 'this schema'}`);
  }
}

function applyRegex(s: JsonSchema, call: ZodCall, where: string, issues: string[]): void {
  const arg = call.args[0];
  if (!arg || !Node.isRegularExpressionLiteral(arg)) {
    issues.push(`${where}: .regex(...) needs a regular expression literal`);
    return;
  }
  const text = arg.getText();
  const slash = text.lastIndexOf('/');
  const flags = text.slice(slash + 1);
  if (flags.replace(/[gu]/g, '') !== '') {
    issues.push(`${where}: not supported yet: regex flags "${flags}" (a JSON Schema pattern has none)`);
    return;
  }
  s.pattern = text.slice(1, slash);
}
