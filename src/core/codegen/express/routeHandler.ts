import type { CodeBlockWriter } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { crudStatements, presentParts, writeSafeParse, type ResponseDialect } from '../shared/responseDialect';
import { colonPath, mentions } from '../shared/routeStatements';

/** `/{id}/discount` → `/:id/discount`. */
export function expressPath(subPath: string): string {
  return colonPath(subPath);
}

/** How an Express handler answers: `res.status(s).json(v)` (then `return;` to leave early), Location from the router's mount path. */
export const EXPRESS_RESPONSES: ResponseDialect = {
  sources: { params: 'req.params', query: 'req.query', body: 'req.body' },
  answer: (status, value) => `res.status(${status}).json(${value});`,
  leave: (status, value) => [`res.status(${status}).json(${value});`, 'return;'],
  created: (_receiver, id) => [`res.status(201).location(\`\${req.baseUrl}/\${${id}}\`).json(item);`],
  noContent: 'res.status(204).end();',
  deletedName: 'item',
};

/**
 * Writes `router.<method>('<path>', async (req, res) => { ... })`: every validated part parsed with
 * safeParse, one 400 listing every issue, then the CRUD code. Custom endpoints get an empty handler
 * tail; the caller places the LLM's statements (or the 501 body) into it through the AST.
 * Express 4 does not catch rejected promises, so there the code sits in try/catch → next(error).
 */
export function writeRoute(ctx: GenerationContext, op: Operation, routerName: string, customBody: string, w: CodeBlockWriter): void {
  const dialect = EXPRESS_RESPONSES;
  const express4 = ctx.input.options.frameworkMajor < 5;
  const usesReq = presentParts(op).length > 0 || op.kind === 'create' || mentions(customBody, 'req');
  const args = `${usesReq ? 'req' : '_req'}, res${express4 ? ', next' : ''}`;
  const body = (): void => {
    writeSafeParse(op, dialect, customBody, w);
    crudStatements(ctx, op, dialect, routerName, w);
  };
  w.write(`${routerName}.${op.method.toLowerCase()}(${stringLiteral(colonPath(op.subPath), ctx.input.options.style)}, async (${args}) => `);
  w.inlineBlock(() => {
    if (express4) {
      w.write('try ').inlineBlock(body).write(' catch (error) ').inlineBlock(() => w.writeLine('next(error);')).newLine();
    } else {
      body();
    }
  });
  w.write(');');
}
