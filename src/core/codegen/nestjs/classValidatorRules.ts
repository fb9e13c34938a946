import type { DecoratorStructure, OptionalKind } from 'ts-morph';
import type { JsonSchema, JsonSchemaFormat } from '../../endpointSpec';
import { pascal } from '../../endpointSpec/naming';
import type { CodeStyle } from '../types';
import { literal, stringLiteral } from '../shared/literal';
import { schemaType } from '../shared/zodExpression';

/** Where a decorator comes from: class-validator, class-transformer or the generated helper file. */
export type DecoratorSource = 'class-validator' | 'class-transformer' | 'helpers' | '@nestjs/swagger';

/** One decorator of a DTO property, with the module that exports it. */
export interface PropertyDecorator {
  readonly name: string;
  readonly args: readonly string[];
  readonly from: DecoratorSource;
}

/** A DTO class to declare: its properties and the nested classes it needs (declared before it). */
export interface DtoClass {
  readonly name: string;
  readonly properties: readonly DtoProperty[];
}

export interface DtoProperty {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly initializer?: string;
  readonly decorators: readonly PropertyDecorator[];
}

/** Names of the helper decorators for keywords class-validator has no exact decorator for. */
export const HELPER_DECORATORS = ['IsGreaterThan', 'IsLessThan', 'IsMultipleOf'] as const;

const FORMAT_DECORATORS: Readonly<Record<JsonSchemaFormat, readonly { name: string; args: string[] }[]>> = {
  email: [{ name: 'IsEmail', args: ['{}'] }],
  uuid: [{ name: 'IsUUID', args: ['undefined'] }],
  'date-time': [{ name: 'IsISO8601', args: ['{ strict: true }'] }, { name: 'Matches', args: ['/T/u'] }],
  date: [{ name: 'IsISO8601', args: ['{ strict: true }'] }, { name: 'Matches', args: ['/^\\d{4}-\\d{2}-\\d{2}$/u'] }],
  uri: [{ name: 'IsUrl', args: ['{ require_tld: false }'] }],
  url: [{ name: 'IsUrl', args: ['{ require_tld: false }'] }],
  ipv4: [{ name: 'IsIP', args: ['4'] }],
  ipv6: [{ name: 'IsIP', args: ['6'] }],
  hostname: [{ name: 'IsFQDN', args: ['{ require_tld: false }'] }],
};

interface Build {
  readonly style: Pick<CodeStyle, 'quote'>;
  /** Values arrive as strings (query, path parameters): numbers and booleans are converted first. */
  readonly fromStrings: boolean;
  readonly classes: DtoClass[];
}

const cv = (name: string, ...args: string[]): PropertyDecorator => ({ name, args, from: 'class-validator' });

function each(args: readonly string[], inArray: boolean): string[] {
  if (!inArray) {
    return [...args];
  }
  return [...args, '{ each: true }'];
}

/** The TypeScript type of a schema's value. */
function tsType(schema: JsonSchema, nested: string | undefined, style: Pick<CodeStyle, 'quote'>): string {
  let type: string;
  if (schema.enum) {
    type = schema.enum.map((v) => literal(v, style)).join(' | ');
  } else {
    switch (schemaType(schema)) {
      case 'string': type = 'string'; break;
      case 'number':
      case 'integer': type = 'number'; break;
      case 'boolean': type = 'boolean'; break;
      case 'null': type = 'null'; break;
      case 'array': type = `${schema.items ? wrap(tsType(schema.items, nested, style)) : 'unknown'}[]`; break;
      case 'object': type = nested ?? 'Record<string, unknown>'; break;
      default: type = 'unknown';
    }
  }
  return schema.nullable === true ? `${type} | null` : type;
}

function wrap(type: string): string {
  return type.includes(' ') ? `(${type})` : type;
}

/** Validators of a value (or of each array item when `inArray`). */
function valueDecorators(b: Build, schema: JsonSchema, inArray: boolean, nestedClass: string | undefined): PropertyDecorator[] {
  const out: PropertyDecorator[] = [];
  const e = (args: readonly string[]): string[] => each(args, inArray);
  if (schema.enum) {
    if (b.fromStrings && schema.enum.every((v) => typeof v === 'number')) {
      out.push({ name: 'Type', args: ['() => Number'], from: 'class-transformer' });
    }
    out.push(cv('IsIn', ...e([literal(schema.enum, b.style)])));
    return out;
  }
  const type = schemaType(schema);
  if (type === 'string') {
    out.push(cv('IsString', ...e([])));
    for (const d of schema.format ? FORMAT_DECORATORS[schema.format] : []) {
      out.push(cv(d.name, ...(inArray || (d.name !== 'IsEmail' && d.name !== 'IsUUID') ? e(d.args) : [])));
    }
    if (schema.minLength !== undefined) {
      out.push(cv('MinLength', ...e([String(schema.minLength)])));
    }
    if (schema.maxLength !== undefined) {
      out.push(cv('MaxLength', ...e([String(schema.maxLength)])));
    }
    if (schema.pattern !== undefined) {
      out.push(cv('Matches', ...e([`/${new RegExp(schema.pattern, 'u').source}/u`])));
    }
  } else if (type === 'number' || type === 'integer') {
    if (b.fromStrings && !inArray) {
      out.push({ name: 'Type', args: ['() => Number'], from: 'class-transformer' });
    }
    out.push(type === 'integer' ? cv('IsInt', ...e([])) : cv('IsNumber', ...e(['{}'])));
    const num = (name: string, value: number | undefined, from: DecoratorSource = 'class-validator'): void => {
      if (value !== undefined) {
        out.push({ name, args: e([String(value)]), from });
      }
    };
    num('Min', schema.minimum);
    num('Max', schema.maximum);
    num('IsGreaterThan', schema.exclusiveMinimum, 'helpers');
    num('IsLessThan', schema.exclusiveMaximum, 'helpers');
    num('IsMultipleOf', schema.multipleOf, 'helpers');
  } else if (type === 'boolean') {
    if (b.fromStrings && !inArray) {
      const t = stringLiteral('true', b.style);
      const f = stringLiteral('false', b.style);
      // Reads the raw value: under the app's enableImplicitConversion `value` is already Boolean('false') === true.
      const raw = 'obj[key]';
      out.push({ name: 'Transform', args: [`({ obj, key }: { obj: Record<string, unknown>; key: string }) => (${raw} === ${t} ? true : ${raw} === ${f} ? false : ${raw})`], from: 'class-transformer' });
    }
    out.push(cv('IsBoolean', ...e([])));
  } else if (type === 'null') {
    out.push(cv('Equals', ...e(['null'])));
  } else if (type === 'object' && nestedClass !== undefined) {
    out.push(cv('IsObject', ...e([])), cv('ValidateNested', ...e([])), { name: 'Type', args: [`() => ${nestedClass}`], from: 'class-transformer' });
  } else if (type === 'object') {
    out.push(cv('IsObject', ...e([])));
  }
  return out;
}

function arrayDecorators(b: Build, schema: JsonSchema, nestedClass: string | undefined): PropertyDecorator[] {
  const out: PropertyDecorator[] = [cv('IsArray')];
  if (schema.minItems !== undefined) {
    out.push(cv('ArrayMinSize', String(schema.minItems)));
  }
  if (schema.maxItems !== undefined) {
    out.push(cv('ArrayMaxSize', String(schema.maxItems)));
  }
  if (schema.uniqueItems === true) {
    out.push(cv('ArrayUnique', '(item: unknown) => JSON.stringify(item)'));
  }
  const items = schema.items;
  if (items && schemaType(items) !== 'array') {
    out.push(...valueDecorators(b, items, true, nestedClass));
  }
  return out;
}

/** Declares the class for an object schema (nested classes first) and returns its name. */
function objectClass(b: Build, name: string, schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {}).map(([prop, propSchema]) => dtoProperty(b, name, prop, propSchema, required.has(prop)));
  b.classes.push({ name, properties });
  return name;
}

function dtoProperty(b: Build, owner: string, name: string, schema: JsonSchema, required: boolean): DtoProperty {
  const type = schemaType(schema);
  const base = owner.replace(/Dto$/, '');
  let nested: string | undefined;
  if (type === 'object' && schema.properties) {
    nested = objectClass(b, `${base}${pascal(name)}Dto`, schema);
  } else if (type === 'array' && schema.items && schemaType(schema.items) === 'object' && schema.items.properties) {
    nested = objectClass(b, `${base}${pascal(name)}ItemDto`, schema.items);
  }
  const decorators: PropertyDecorator[] = [];
  const hasDefault = schema.default !== undefined;
  if (!required || hasDefault) {
    decorators.push(cv('IsOptional'));
  } else if (schema.nullable === true) {
    decorators.push(cv('ValidateIf', `(_object: unknown, value: unknown) => value !== null`));
  }
  decorators.push(...(type === 'array' ? arrayDecorators(b, schema, nested) : valueDecorators(b, schema, false, nested)));
  if (decorators.every((d) => d.name === 'IsOptional' || d.name === 'ValidateIf')) {
    decorators.push(cv(required ? 'IsDefined' : 'Allow'));
  }
  return {
    name,
    type: tsType(schema, nested, b.style),
    optional: !required && !hasDefault,
    ...(hasDefault ? { initializer: literal(schema.default, b.style) } : {}),
    decorators,
  };
}

/**
 * The DTO classes for an object schema, nested classes first (a class must be declared before the
 * metadata of its parent refers to it): class-validator decorators equivalent to the JSON Schema,
 * class-transformer conversions where values arrive as strings.
 */
export function dtoClasses(name: string, schema: JsonSchema, style: Pick<CodeStyle, 'quote'>, fromStrings: boolean): DtoClass[] {
  const b: Build = { style, fromStrings, classes: [] };
  objectClass(b, name, schema);
  return b.classes;
}

/** The ts-morph decorator structure of a property decorator. */
export function decoratorStructure(d: PropertyDecorator): OptionalKind<DecoratorStructure> {
  return { name: d.name, arguments: [...d.args] };
}
