import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { colonPath, mentions, notImplementedComment } from '../shared/routeStatements';
import { validationErrorCall } from '../shared/validationErrorFile';

/** The identifier under which handler code sees each validated part, and where Fastify keeps it. */
const PARTS = [
  { key: 'params', source: 'request.params' },
  { key: 'query', source: 'request.query' },
  { key: 'body', source: 'request.body' },
] as const;

/** The CRUD handler statements (repository call, 404, status and Location), shared by every validation dialect. */
export function crudStatements(ctx: GenerationContext, op: Operation, receiver: string, w: CodeBlockWriter): void {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const idField = ctx.input.spec.crud?.idField ?? 'id';
  const notFound = (found: string): void => {
    w.write(`if (!${found})`).block(() => {
      w.writeLine(`return reply.code(404).send({ error: ${q('NotFound')}, message: \`${ctx.names.Pascal} \${String(params.${idField})} not found\` });`);
    });
  };
  switch (op.kind) {
    case 'list':
      w.writeLine('return reply.code(200).send(await repository.list());');
      return;
    case 'get':
      w.writeLine(`const item = await repository.get(params.${idField});`);
      notFound('item');
      w.writeLine('return reply.code(200).send(item);');
      return;
    case 'create':
      w.writeLine('const item = await repository.create(body);');
      w.writeLine(`return reply.code(201).header(${q('location')}, \`\${${receiver}.prefix}/\${String(item.${idField})}\`).send(item);`);
      return;
    case 'update':
      w.writeLine(`const item = await repository.update(params.${idField}, body);`);
      notFound('item');
      w.writeLine('return reply.code(200).send(item);');
      return;
    case 'delete':
      w.writeLine(`const deleted = await repository.delete(params.${idField});`);
      notFound('deleted');
      w.writeLine('return reply.code(204).send();');
      return;
    case 'custom':
      return;
  }
}

/** The 501 answer of a custom endpoint whose logic was not given: clearly marked, never a fake success. */
export function notImplementedBody(ctx: GenerationContext, op: Operation): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  return [notImplementedComment(op), `return reply.code(501).send({ error: ${q('NotImplemented')}, message: ${q(`Not implemented: ${op.summary}`)} });`].join('\n');
}

/**
 * Writes `app.<method>('<path>', async (request, reply) => { ... })`: every validated part parsed
 * with safeParse, one 400 listing every issue, then the CRUD code. Custom endpoints get an empty
 * handler tail; the caller places the LLM's statements (or the 501 body) into it through the AST.
 * Fastify 4 and 5 take the same code here: no route schemas are used, zod does the validating.
 */
export function writeRoute(ctx: GenerationContext, op: Operation, receiver: string, customBody: string, w: CodeBlockWriter): void {
  const parts = PARTS.filter((p) => op[p.key] !== undefined);
  const usesPart = (key: string): boolean => (op.kind !== 'custom' ? !(op.kind === 'create' && key === 'params') : mentions(customBody, key));
  const usesRequest = parts.length > 0 || mentions(customBody, 'request');
  const usesReply = op.kind !== 'custom' || parts.length > 0 || mentions(customBody, 'reply');
  const args = `${usesRequest ? 'request' : '_request'}, ${usesReply ? 'reply' : '_reply'}`;
  w.write(`${receiver}.${op.method.toLowerCase()}(${stringLiteral(colonPath(op.subPath), ctx.input.options.style)}, async (${args}) => `);
  w.inlineBlock(() => {
    for (const p of parts) {
      w.writeLine(`const ${p.key}Result = ${op[p.key]!.name}.safeParse(${p.source});`);
    }
    if (parts.length > 0) {
      const failed = parts.map((p) => `!${p.key}Result.success`).join(' || ');
      w.write(`if (${failed})`).block(() => {
        w.writeLine(`return reply.code(400).send(${validationErrorCall(parts.map((p) => p.key))});`);
      });
      for (const p of parts.filter((part) => usesPart(part.key))) {
        w.writeLine(`const ${p.key} = ${p.key}Result.data;`);
      }
    }
    crudStatements(ctx, op, receiver, w);
  });
  w.write(');');
}
