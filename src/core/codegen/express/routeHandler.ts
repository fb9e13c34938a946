import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { validationErrorCall } from '../shared/validationErrorFile';

/** `/{id}/discount` → `/:id/discount`. */
export function expressPath(subPath: string): string {
  return subPath.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** The identifier under which handler code sees each validated part. */
const PARTS = [
  { key: 'params', source: 'req.params' },
  { key: 'query', source: 'req.query' },
  { key: 'body', source: 'req.body' },
] as const;

/** Whether `name` appears as a word in `code`. */
function mentions(code: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(code);
}

function crudStatements(ctx: GenerationContext, op: Operation, w: CodeBlockWriter): void {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const idField = ctx.input.spec.crud?.idField ?? 'id';
  const notFound = (): void => {
    w.write('if (!item)').block(() => {
      w.writeLine(`res.status(404).json({ error: ${q('NotFound')}, message: \`${ctx.names.Pascal} \${String(params.${idField})} not found\` });`);
      w.writeLine('return;');
    });
  };
  switch (op.kind) {
    case 'list':
      w.writeLine('res.status(200).json(await repository.list());');
      return;
    case 'get':
      w.writeLine(`const item = await repository.get(params.${idField});`);
      notFound();
      w.writeLine('res.status(200).json(item);');
      return;
    case 'create':
      w.writeLine('const item = await repository.create(body);');
      w.writeLine(`res.status(201).location(\`\${req.baseUrl}/\${String(item.${idField})}\`).json(item);`);
      return;
    case 'update':
      w.writeLine(`const item = await repository.update(params.${idField}, body);`);
      notFound();
      w.writeLine('res.status(200).json(item);');
      return;
    case 'delete':
      w.writeLine(`const item = await repository.delete(params.${idField});`);
      notFound();
      w.writeLine('res.status(204).end();');
      return;
    case 'custom':
      return;
  }
}

/** The 501 answer of a custom endpoint whose logic was not given: clearly marked, never a fake success. */
export function notImplementedBody(ctx: GenerationContext, op: Operation): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  return [
    `// TODO(routecraft): ${op.operationId} is not implemented yet; describe its logic and generate again, or write it here.`,
    `res.status(501).json({ error: ${q('NotImplemented')}, message: ${q(`Not implemented: ${op.summary}`)} });`,
  ].join('\n');
}

/**
 * Writes `router.<method>('<path>', async (req, res) => { ... })`: every validated part parsed with
 * safeParse, one 400 listing every issue, then the CRUD code. Custom endpoints get an empty handler
 * tail; the caller places the LLM's statements (or the 501 body) into it through the AST.
 * Express 4 does not catch rejected promises, so there the code sits in try/catch → next(error).
 */
export function writeRoute(ctx: GenerationContext, op: Operation, routerName: string, customBody: string, w: CodeBlockWriter): void {
  const express4 = ctx.input.options.frameworkMajor < 5;
  const parts = PARTS.filter((p) => op[p.key] !== undefined);
  const usesPart = (key: string): boolean => op.kind !== 'custom' ? !(op.kind === 'create' && key === 'params') : mentions(customBody, key);
  const usesReq = parts.length > 0 || op.kind === 'create' || mentions(customBody, 'req');
  const args = `${usesReq ? 'req' : '_req'}, res${express4 ? ', next' : ''}`;
  const body = (): void => {
    for (const p of parts) {
      w.writeLine(`const ${p.key}Result = ${op[p.key]!.name}.safeParse(${p.source});`);
    }
    if (parts.length > 0) {
      const failed = parts.map((p) => `!${p.key}Result.success`).join(' || ');
      w.write(`if (${failed})`).block(() => {
        w.writeLine(`res.status(400).json(${validationErrorCall(parts.map((p) => p.key))});`);
        w.writeLine('return;');
      });
      for (const p of parts.filter((part) => usesPart(part.key))) {
        w.writeLine(`const ${p.key} = ${p.key}Result.data;`);
      }
    }
    crudStatements(ctx, op, w);
  };
  w.write(`${routerName}.${op.method.toLowerCase()}(${stringLiteral(expressPath(op.subPath), ctx.input.options.style)}, async (${args}) => `);
  w.inlineBlock(() => {
    if (express4) {
      w.write('try ').inlineBlock(body).write(' catch (error) ').inlineBlock(() => w.writeLine('next(error);')).newLine();
    } else {
      body();
    }
  });
  w.write(');');
}
