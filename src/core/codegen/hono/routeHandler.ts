import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { crudStatements, usesPart, writeSafeParse, type ResponseDialect } from '../shared/responseDialect';
import { colonPath } from '../shared/routeStatements';
import type { ValidatorHook } from './validatorHook';

/** Each validated part: the name handler code sees and zValidator's target. */
const PARTS = [
  { key: 'params', target: 'param' },
  { key: 'query', target: 'query' },
  { key: 'body', target: 'json' },
] as const;

/** How a Hono handler answers: `return c.json(v, s)`, Location from the request's path. */
export function honoResponses(ctx: GenerationContext): ResponseDialect {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const answer = (status: number, value: string): string => `return c.json(${value}, ${status});`;
  return {
    sources: { params: 'c.req.param()', query: 'c.req.query()', body: 'await c.req.json().catch(() => undefined)' },
    answer,
    leave: (status, value) => [answer(status, value)],
    created: (_receiver, id) => [`c.header(${q('Location')}, \`\${c.req.path.replace(/\\/$/, ${q('')})}/\${${id}}\`);`, answer(201, 'item')],
    noContent: 'return c.body(null, 204);',
    deletedName: 'deleted',
  };
}

/** `const params = c.req.valid('param');` for each part a validator checked and the handler uses. */
export function writeValidatedReads(ctx: GenerationContext, op: Operation, customBody: string, w: CodeBlockWriter): void {
  for (const p of PARTS.filter((part) => op[part.key] !== undefined && usesPart(op, part.key, customBody))) {
    w.writeLine(`const ${p.key} = c.req.valid(${stringLiteral(p.target, ctx.input.options.style)});`);
  }
}

/**
 * Writes `route.<method>('<path>', ...validators, async (c) => { ... })`. With the project's
 * zValidator hook, each part gets `zValidator(target, Schema, hook)` (the hook answers 400 with every
 * issue of that part); without one, every part is parsed with safeParse and one 400 lists every
 * issue. Custom endpoints get an empty handler tail for the LLM's statements (or the 501 body).
 */
export function writeRoute(ctx: GenerationContext, op: Operation, receiver: string, hook: ValidatorHook | undefined, customBody: string, w: CodeBlockWriter): void {
  const dialect = honoResponses(ctx);
  const parts = PARTS.filter((p) => op[p.key] !== undefined);
  const validators = hook ? parts.map((p) => `zValidator(${stringLiteral(p.target, ctx.input.options.style)}, ${op[p.key]!.name}, ${hook.name}), `).join('') : '';
  w.write(`${receiver}.${op.method.toLowerCase()}(${stringLiteral(colonPath(op.subPath), ctx.input.options.style)}, ${validators}async (c) => `);
  w.inlineBlock(() => {
    if (hook) {
      writeValidatedReads(ctx, op, customBody, w);
    } else {
      writeSafeParse(op, dialect, customBody, w);
    }
    crudStatements(ctx, op, dialect, receiver, w);
  });
  w.write(');');
}
