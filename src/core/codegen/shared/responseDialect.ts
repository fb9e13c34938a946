import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from './generationContext';
import { stringLiteral } from './literal';
import type { Operation } from './operations';
import { mentions, notImplementedComment } from './routeStatements';
import { validationErrorCall } from './validationErrorFile';

/** The validated parts of a request, in the order handlers parse them. */
export const REQUEST_PARTS = ['params', 'query', 'body'] as const;
export type RequestPart = (typeof REQUEST_PARTS)[number];

/**
 * How one framework answers inside a route handler: the only thing the CRUD, 400 and 501 code of
 * Express, Fastify and Hono handlers differ in. Each method returns whole statements.
 */
export interface ResponseDialect {
  /** Where the handler reads each part before validating it: `req.params`, `request.query`, `c.req.param()`. */
  readonly sources: Readonly<Record<RequestPart, string>>;
  /** The handler's last answer: `res.status(200).json(v);`, `return reply.code(200).send(v);`, `return c.json(v, 200);`. */
  answer(status: number, value: string): string;
  /** An answer that leaves the handler early (Express needs a `return;` after it). */
  leave(status: number, value: string): readonly string[];
  /** The 201 answer with `Location: <collection>/<id>`; `id` is a template-literal part such as `String(item.id)`. */
  created(receiver: string, id: string): readonly string[];
  /** The 204 answer of a delete. */
  readonly noContent: string;
  /** The constant a delete keeps the repository's answer in (`item`, `deleted`). */
  readonly deletedName: string;
}

/** The parts `op` validates, in parsing order. */
export function presentParts(op: Operation): RequestPart[] {
  return REQUEST_PARTS.filter((key) => op[key] !== undefined);
}

/**
 * Whether the handler names a validated part: CRUD code uses all but a create's params; custom code
 * (the LLM's or the 501 body) only what it mentions.
 */
export function usesPart(op: Operation, key: RequestPart, customBody: string): boolean {
  return op.kind !== 'custom' ? !(op.kind === 'create' && key === 'params') : mentions(customBody, key);
}

/**
 * Every validated part parsed with safeParse, one 400 listing every issue (through the shared
 * `toValidationError`), then a constant for each part the handler uses.
 */
export function writeSafeParse(op: Operation, dialect: ResponseDialect, customBody: string, w: CodeBlockWriter): void {
  const parts = presentParts(op);
  for (const key of parts) {
    w.writeLine(`const ${key}Result = ${op[key]!.name}.safeParse(${dialect.sources[key]});`);
  }
  if (parts.length === 0) {
    return;
  }
  w.write(`if (${parts.map((key) => `!${key}Result.success`).join(' || ')})`).block(() => {
    writeLines(w, dialect.leave(400, validationErrorCall(parts)));
  });
  for (const key of parts.filter((part) => usesPart(op, part, customBody))) {
    w.writeLine(`const ${key} = ${key}Result.data;`);
  }
}

/**
 * The CRUD statements of a handler (`params`, `body` and `repository` in scope): the repository
 * call, a 404 when the item is missing, the success answer (201 with Location, 204 for delete).
 * Custom operations write nothing here.
 */
export function crudStatements(ctx: GenerationContext, op: Operation, dialect: ResponseDialect, receiver: string, w: CodeBlockWriter): void {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const idField = ctx.input.spec.crud?.idField ?? 'id';
  const notFound = (found: string): void => {
    w.write(`if (!${found})`).block(() => {
      writeLines(w, dialect.leave(404, `{ error: ${q('NotFound')}, message: \`${ctx.names.Pascal} \${String(params.${idField})} not found\` }`));
    });
  };
  switch (op.kind) {
    case 'list':
      w.writeLine(dialect.answer(200, 'await repository.list()'));
      return;
    case 'get':
      w.writeLine(`const item = await repository.get(params.${idField});`);
      notFound('item');
      w.writeLine(dialect.answer(200, 'item'));
      return;
    case 'create':
      w.writeLine('const item = await repository.create(body);');
      writeLines(w, dialect.created(receiver, `String(item.${idField})`));
      return;
    case 'update':
      w.writeLine(`const item = await repository.update(params.${idField}, body);`);
      notFound('item');
      w.writeLine(dialect.answer(200, 'item'));
      return;
    case 'delete':
      w.writeLine(`const ${dialect.deletedName} = await repository.delete(params.${idField});`);
      notFound(dialect.deletedName);
      w.writeLine(dialect.noContent);
      return;
    case 'custom':
      return;
  }
}

/** The statements of a custom operation: the LLM's body, else the dialect's clearly marked 501 answer ('' for CRUD). */
export function customBody(ctx: GenerationContext, op: Operation, dialect: ResponseDialect): string {
  return op.kind === 'custom' ? (ctx.input.handlerBodies[op.operationId]?.trim() || notImplementedBody(ctx, op, dialect)) : '';
}

/** The 501 answer of a custom endpoint whose logic was not given: clearly marked, never a fake success. */
export function notImplementedBody(ctx: GenerationContext, op: Operation, dialect: ResponseDialect): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  return [notImplementedComment(op), dialect.answer(501, `{ error: ${q('NotImplemented')}, message: ${q(`Not implemented: ${op.summary}`)} }`)].join('\n');
}

function writeLines(w: CodeBlockWriter, lines: readonly string[]): void {
  for (const line of lines) {
    w.writeLine(line);
  }
}
