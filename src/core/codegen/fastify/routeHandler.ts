import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { colonPath, mentions } from '../shared/routeStatements';
import { crudStatements, presentParts, writeSafeParse, type ResponseDialect } from '../shared/responseDialect';

/** How a Fastify handler answers: `return reply.code(s).send(v)`, Location from the plugin's prefix. */
export function fastifyResponses(ctx: GenerationContext): ResponseDialect {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const answer = (status: number, value: string): string => `return reply.code(${status}).send(${value});`;
  return {
    sources: { params: 'request.params', query: 'request.query', body: 'request.body' },
    answer,
    leave: (status, value) => [answer(status, value)],
    created: (receiver, id) => [`return reply.code(201).header(${q('location')}, \`\${${receiver}.prefix}/\${${id}}\`).send(item);`],
    noContent: 'return reply.code(204).send();',
    deletedName: 'deleted',
  };
}

/**
 * Writes `app.<method>('<path>', async (request, reply) => { ... })`: every validated part parsed
 * with safeParse, one 400 listing every issue, then the CRUD code. Custom endpoints get an empty
 * handler tail; the caller places the LLM's statements (or the 501 body) into it through the AST.
 * Fastify 4 and 5 take the same code here: no route schemas are used, zod does the validating.
 */
export function writeRoute(ctx: GenerationContext, op: Operation, receiver: string, customBody: string, w: CodeBlockWriter): void {
  const dialect = fastifyResponses(ctx);
  const parts = presentParts(op);
  const usesRequest = parts.length > 0 || mentions(customBody, 'request');
  const usesReply = op.kind !== 'custom' || parts.length > 0 || mentions(customBody, 'reply');
  const args = `${usesRequest ? 'request' : '_request'}, ${usesReply ? 'reply' : '_reply'}`;
  w.write(`${receiver}.${op.method.toLowerCase()}(${stringLiteral(colonPath(op.subPath), ctx.input.options.style)}, async (${args}) => `);
  w.inlineBlock(() => {
    writeSafeParse(op, dialect, customBody, w);
    crudStatements(ctx, op, dialect, receiver, w);
  });
  w.write(');');
}
