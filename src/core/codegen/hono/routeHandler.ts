import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { colonPath, mentions, notImplementedComment } from '../shared/routeStatements';
import { validationErrorCall } from '../shared/validationErrorFile';
import type { ValidatorHook } from './validatorHook';

/** Each validated part: the name handler code sees, zValidator's target, and where safeParse reads it. */
export const PARTS = [
  { key: 'params', target: 'param', source: 'c.req.param()' },
  { key: 'query', target: 'query', source: 'c.req.query()' },
  { key: 'body', target: 'json', source: 'await c.req.json().catch(() => undefined)' },
] as const;

/** The statements of a CRUD handler (`params`, `body` and `repository` in scope), answering with `c.json`/`c.body`. */
export function crudStatements(ctx: GenerationContext, op: Operation, w: CodeBlockWriter): void {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const idField = ctx.input.spec.crud?.idField ?? 'id';
  const notFound = (found: string): void => {
    w.write(`if (!${found})`).block(() => {
      w.writeLine(`return c.json({ error: ${q('NotFound')}, message: \`${ctx.names.Pascal} \${String(params.${idField})} not found\` }, 404);`);
    });
  };
  switch (op.kind) {
    case 'list':
      w.writeLine('return c.json(await repository.list(), 200);');
      return;
    case 'get':
      w.writeLine(`const item = await repository.get(params.${idField});`);
      notFound('item');
      w.writeLine('return c.json(item, 200);');
      return;
    case 'create':
      w.writeLine('const item = await repository.create(body);');
      w.writeLine(`c.header(${q('Location')}, \`\${c.req.path.replace(/\\/$/, ${q('')})}/\${String(item.${idField})}\`);`);
      w.writeLine('return c.json(item, 201);');
      return;
    case 'update':
      w.writeLine(`const item = await repository.update(params.${idField}, body);`);
      notFound('item');
      w.writeLine('return c.json(item, 200);');
      return;
    case 'delete':
      w.writeLine(`const deleted = await repository.delete(params.${idField});`);
      notFound('deleted');
      w.writeLine('return c.body(null, 204);');
      return;
    case 'custom':
      return;
  }
}

/** The 501 answer of a custom endpoint whose logic was not given: clearly marked, never a fake success. */
export function notImplementedBody(ctx: GenerationContext, op: Operation): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  return [notImplementedComment(op), `return c.json({ error: ${q('NotImplemented')}, message: ${q(`Not implemented: ${op.summary}`)} }, 501);`].join('\n');
}

/**
 * Writes `route.<method>('<path>', ...validators, async (c) => { ... })`. With the project's
 * zValidator hook, each part gets `zValidator(target, Schema, hook)` (the hook answers 400 with every
 * issue of that part); without one, every part is parsed with safeParse and one 400 lists every
 * issue. Custom endpoints get an empty handler tail for the LLM's statements (or the 501 body).
 */
export function writeRoute(ctx: GenerationContext, op: Operation, receiver: string, hook: ValidatorHook | undefined, customBody: string, w: CodeBlockWriter): void {
  const parts = PARTS.filter((p) => op[p.key] !== undefined);
  const used = parts.filter((p) => (op.kind !== 'custom' ? !(op.kind === 'create' && p.key === 'params') : mentions(customBody, p.key)));
  const validators = hook ? parts.map((p) => `zValidator(${stringLiteral(p.target, ctx.input.options.style)}, ${op[p.key]!.name}, ${hook.name}), `).join('') : '';
  w.write(`${receiver}.${op.method.toLowerCase()}(${stringLiteral(colonPath(op.subPath), ctx.input.options.style)}, ${validators}async (c) => `);
  w.inlineBlock(() => {
    if (hook) {
      for (const p of used) {
        w.writeLine(`const ${p.key} = c.req.valid(${stringLiteral(p.target, ctx.input.options.style)});`);
      }
    } else if (parts.length > 0) {
      for (const p of parts) {
        w.writeLine(`const ${p.key}Result = ${op[p.key]!.name}.safeParse(${p.source});`);
      }
      w.write(`if (${parts.map((p) => `!${p.key}Result.success`).join(' || ')})`).block(() => {
        w.writeLine(`return c.json(${validationErrorCall(parts.map((p) => p.key))}, 400);`);
      });
      for (const p of used) {
        w.writeLine(`const ${p.key} = ${p.key}Result.data;`);
      }
    }
    crudStatements(ctx, op, w);
  });
  w.write(');');
}
