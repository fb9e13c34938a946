import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { literal, stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { colonPath, mentions } from '../shared/routeStatements';
import { crudStatements, usesPart } from '../shared/responseDialect';
import { fastifyResponses } from './routeHandler';

/** Where Fastify's route `schema` keeps each validated part. */
const PARTS = [
  { key: 'params', schemaKey: 'params' },
  { key: 'query', schemaKey: 'querystring' },
  { key: 'body', schemaKey: 'body' },
] as const;

/** How a route is written besides its handler: documentation keys, TypeScript generics. */
export interface SchemaRouteOptions {
  /**
   * Whether the schema carries `@fastify/swagger`'s keys (operationId, summary, tags); they only
   * type-check where that plugin augments `FastifySchema`. Default true.
   */
  readonly docs?: boolean;
  /** The route's generic argument (`{ Params: ProductIdParams }`) when no type provider types `request`. */
  readonly generic?: (op: Operation) => string | undefined;
}

/**
 * The route's `schema`: what Fastify validates (params, querystring, body) and what
 * `@fastify/swagger` documents (operationId, summary, tags); `''` when there is neither.
 */
export function routeSchema(ctx: GenerationContext, op: Operation, docs = true): string {
  const style = ctx.input.options.style;
  const entries = [
    ...(docs ? [
      `operationId: ${stringLiteral(op.operationId, style)}`,
      `summary: ${stringLiteral(op.summary, style)}`,
      `tags: ${literal([ctx.names.plural], style)}`,
    ] : []),
    ...PARTS.filter((p) => op[p.key] !== undefined).map((p) => `${p.schemaKey}: ${op[p.key]!.name}`),
  ];
  return entries.length === 0 ? '' : `{ schema: { ${entries.join(', ')} } }`;
}

/**
 * Writes `fastify.<method>('<path>', { schema }, async (request, reply) => { ... })` for a project
 * whose type provider types `request` from the schema (TypeBox, zod), or whose route generic does
 * (`fastify.get<{ Params: P }>(…)`, plain JSON Schema): Fastify answers 400 before the
 * handler runs, so the handler only names the validated parts it uses, then the CRUD code. Custom
 * endpoints get an empty handler tail; the caller places the LLM's statements (or the 501 body).
 */
export function writeSchemaRoute(ctx: GenerationContext, op: Operation, receiver: string, customBody: string, w: CodeBlockWriter, options: SchemaRouteOptions = {}): void {
  const parts = PARTS.filter((p) => op[p.key] !== undefined);
  const used = parts.filter((p) => usesPart(op, p.key, customBody));
  const usesRequest = used.length > 0 || mentions(customBody, 'request');
  const usesReply = op.kind !== 'custom' || mentions(customBody, 'reply');
  const args = `${usesRequest ? 'request' : '_request'}, ${usesReply ? 'reply' : '_reply'}`;
  const path = stringLiteral(colonPath(op.subPath), ctx.input.options.style);
  const generic = options.generic?.(op);
  const schema = routeSchema(ctx, op, options.docs ?? true);
  w.write(`${receiver}.${op.method.toLowerCase()}${generic ? `<${generic}>` : ''}(${path}, ${schema === '' ? '' : `${schema}, `}async (${args}) => `);
  w.inlineBlock(() => {
    for (const p of used) {
      w.writeLine(`const ${p.key} = request.${p.key};`);
    }
    crudStatements(ctx, op, fastifyResponses(ctx), receiver, w);
  });
  w.write(');');
}
