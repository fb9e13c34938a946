import { Node, SyntaxKind, type VariableDeclaration } from 'ts-morph';
import type { JsonSchema } from '../../jsonSchema';
import { crudSpecFrom, type CrudSpecDraft } from '../crudSpecFrom';
import { SpecConversionError } from '../specInputResult';
import { inMemorySource } from './inMemorySource';
import { pickRoot } from './pickRoot';
import { applyZodModifier, type ZodState } from './zodModifiers';
import { literalOf, unwindZodChain } from './zodCalls';

/** Text that declares a zod object schema: `const Product = z.object({`. */
export const ZOD_OBJECT = /\b(const|let|var)\s+[A-Za-z_$][\w$]*(\s*:[^=]+)?\s*=\s*z\s*\.\s*(object|strictObject)\s*\(/;

interface Context {
  readonly schemas: ReadonlyMap<string, VariableDeclaration>;
  readonly issues: string[];
  readonly warnings: string[];
  readonly stack: readonly string[];
}

const FORMATS: Readonly<Record<string, JsonSchema>> = {
  email: { type: 'string', format: 'email' },
  uuid: { type: 'string', format: 'uuid' },
  guid: { type: 'string', format: 'uuid' },
  url: { type: 'string', format: 'uri' },
  'iso.datetime': { type: 'string', format: 'date-time' },
  'iso.date': { type: 'string', format: 'date' },
  ipv4: { type: 'string', format: 'ipv4' },
  ipv6: { type: 'string', format: 'ipv6' },
};
const PRIMITIVES: Readonly<Record<string, JsonSchema>> = {
  string: { type: 'string' },
  number: { type: 'number' },
  int: { type: 'integer' },
  boolean: { type: 'boolean' },
  'coerce.string': { type: 'string' },
  'coerce.number': { type: 'number' },
  'coerce.boolean': { type: 'boolean' },
};

/**
 * A zod object schema (`const Product = z.object({...})`) → a CRUD spec, read syntactically with
 * ts-morph: nothing is evaluated. Other schemas declared in the same text can be referenced by name.
 * Throws {@link SpecConversionError} naming every unknown call.
 */
export function zodToSpec(text: string): CrudSpecDraft | undefined {
  const { file, syntaxErrors } = inMemorySource(text);
  const schemas = new Map<string, VariableDeclaration>();
  for (const declaration of file.getVariableDeclarations()) {
    const initializer = declaration.getInitializer();
    if (initializer && /\bz\s*\./.test(initializer.getText())) {
      schemas.set(declaration.getName(), declaration);
    }
  }
  if (schemas.size === 0) {
    return undefined;
  }
  if (syntaxErrors.length > 0) {
    throw new SpecConversionError(syntaxErrors);
  }
  const warnings: string[] = [];
  const names = [...schemas.keys()];
  const root = pickRoot(names, (name) => schemas.get(name)!.getInitializerOrThrow().getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()), warnings);
  const ctx: Context = { schemas, issues: [], warnings, stack: [] };
  const entity = declarationSchema(root, root, ctx).schema;
  if (ctx.issues.length === 0 && entity.type !== 'object') {
    ctx.issues.push(`${root}: an entity must be a z.object(...)`);
  }
  if (ctx.issues.length > 0) {
    throw new SpecConversionError(ctx.issues);
  }
  return crudSpecFrom(root, entity, warnings);
}

function declarationSchema(name: string, where: string, ctx: Context): ZodState {
  if (ctx.stack.includes(name)) {
    ctx.issues.push(`${where}: recursive schema ${[...ctx.stack, name].join(' → ')} is not supported yet`);
    return { schema: {}, optional: false };
  }
  const initializer = ctx.schemas.get(name)!.getInitializerOrThrow();
  return expressionSchema(initializer, where, { ...ctx, stack: [...ctx.stack, name] });
}

function expressionSchema(expression: Node, where: string, ctx: Context): ZodState {
  const { base, calls } = Node.isExpression(expression) ? unwindZodChain(expression) : { base: expression, calls: [] };
  let state: ZodState;
  let modifiers = calls;
  if (Node.isIdentifier(base) && base.getText() === 'z' && calls[0]) {
    state = { schema: constructorSchema(calls[0].name, calls[0].args, where, ctx), optional: false };
    modifiers = calls.slice(1);
  } else if (Node.isIdentifier(base) && ctx.schemas.has(base.getText())) {
    state = declarationSchema(base.getText(), where, ctx);
  } else {
    ctx.issues.push(`${where}: not a zod schema: ${expression.getText()}`);
    return { schema: {}, optional: false };
  }
  for (const call of modifiers) {
    if (call.name === 'array') {
      state = { schema: { type: 'array', items: state.schema }, optional: false };
    } else if (call.name === 'or' || call.name === 'and' || call.name === 'transform' || call.name === 'refine' || call.name === 'superRefine') {
      ctx.issues.push(`${where}: not supported yet: .${call.name}(...)`);
    } else {
      applyZodModifier(state, call, where, ctx.issues, ctx.warnings);
    }
  }
  return state;
}

function constructorSchema(name: string, args: readonly Node[], where: string, ctx: Context): JsonSchema {
  const primitive = PRIMITIVES[name] ?? FORMATS[name];
  if (primitive) {
    return { ...primitive };
  }
  switch (name) {
    case 'enum':
    case 'literal': {
      const value = literalOf(args[0]);
      const values = name === 'literal' ? [value] : value;
      if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
        ctx.issues.push(`${where}: z.${name}(...) needs literal values`);
        return {};
      }
      const types = new Set(values.map((v) => typeof v));
      return types.size === 1 ? { type: [...types][0] as 'string' | 'number' | 'boolean', enum: values } : { enum: values };
    }
    case 'array': {
      const item = args[0];
      return item ? { type: 'array', items: expressionSchema(item, `${where}[]`, ctx).schema } : {};
    }
    case 'object':
    case 'strictObject':
      return objectSchema(args[0], where, ctx, name === 'strictObject');
    case 'optional':
    case 'nullable': {
      const inner = args[0] ? expressionSchema(args[0], where, ctx).schema : {};
      return name === 'nullable' ? { ...inner, nullable: true } : inner;
    }
    default:
      ctx.issues.push(`${where}: unknown zod call z.${name}(): not supported yet`);
      return {};
  }
}

function objectSchema(shape: Node | undefined, where: string, ctx: Context, strict: boolean): JsonSchema {
  if (!shape || !Node.isObjectLiteralExpression(shape)) {
    ctx.issues.push(`${where}: z.object(...) needs an object literal`);
    return {};
  }
  const out: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const property of shape.getProperties()) {
    if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) {
      const name = property.getName().replace(/^(['"])(.*)\1$/, '$2');
      const value = Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : property.getNameNode();
      const state = expressionSchema(value, `${where}.${name}`, ctx);
      out.properties![name] = state.schema;
      if (!state.optional) {
        out.required!.push(name);
      }
    } else {
      ctx.issues.push(`${where}: not supported yet: ${property.getText()} in z.object(...)`);
    }
  }
  if (out.required!.length === 0) {
    delete out.required;
  }
  if (strict) {
    out.additionalProperties = false;
  }
  return out;
}
