import assert from 'node:assert/strict';
import { CodeBlockWriter, Node } from 'ts-morph';
import { EXPRESS_RESPONSES } from '../../../../src/core/codegen/express/routeHandler';
import { fastifyResponses } from '../../../../src/core/codegen/fastify/routeHandler';
import { honoResponses } from '../../../../src/core/codegen/hono/routeHandler';
import { createGenerationContext, type GenerationContext } from '../../../../src/core/codegen/shared/generationContext';
import { crudStatements, customBody, writeSafeParse, type ResponseDialect } from '../../../../src/core/codegen/shared/responseDialect';
import { addRoutes, pendingOperations } from '../../../../src/core/codegen/shared/routeModule';
import type { RouteContainer } from '../../../../src/core/codegen/shared/routeStatements';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { EndpointSpecSchema } from '../../../../src/core/endpointSpec';

const spec = EndpointSpecSchema.parse({
  version: 1,
  resource: 'product',
  crud: { entity: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
  endpoints: [{
    operationId: 'searchProducts', method: 'GET', path: '/products/search', summary: 'Search products',
    query: { type: 'object', properties: { q: { type: 'string' } } },
    responses: { '200': { description: 'Found' } },
  }],
});

function context(framework: CodegenOptions['framework'], handlerBodies: Record<string, string> = {}): GenerationContext {
  const options: CodegenOptions = {
    framework, frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 4,
    style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
    layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
  };
  return createGenerationContext({ spec, options, files: { read: () => undefined, exists: () => false }, handlerBodies });
}

function written(write: (w: CodeBlockWriter) => void): string {
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true });
  write(w);
  return w.toString();
}

const DIALECTS: readonly [string, CodegenOptions['framework'], (ctx: GenerationContext) => ResponseDialect][] = [
  ['express', 'express', () => EXPRESS_RESPONSES],
  ['fastify', 'fastify', fastifyResponses],
  ['hono', 'hono', honoResponses],
];

describe('codegen/shared/responseDialect: one CRUD, 400 and 501 code, a dialect per framework', () => {
  const deletes: Readonly<Record<string, string>> = {
    express: [
      'const item = await repository.delete(params.id);',
      'if (!item) {',
      "  res.status(404).json({ error: 'NotFound', message: `Product ${String(params.id)} not found` });",
      '  return;',
      '}',
      'res.status(204).end();',
    ].join('\n'),
    fastify: [
      'const deleted = await repository.delete(params.id);',
      'if (!deleted) {',
      "  return reply.code(404).send({ error: 'NotFound', message: `Product ${String(params.id)} not found` });",
      '}',
      'return reply.code(204).send();',
    ].join('\n'),
    hono: [
      'const deleted = await repository.delete(params.id);',
      'if (!deleted) {',
      "  return c.json({ error: 'NotFound', message: `Product ${String(params.id)} not found` }, 404);",
      '}',
      'return c.body(null, 204);',
    ].join('\n'),
  };
  const creates: Readonly<Record<string, string>> = {
    express: 'res.status(201).location(`${req.baseUrl}/${String(item.id)}`).json(item);',
    fastify: "return reply.code(201).header('location', `${app.prefix}/${String(item.id)}`).send(item);",
    hono: "c.header('Location', `${c.req.path.replace(/\\/$/, '')}/${String(item.id)}`);\nreturn c.json(item, 201);",
  };

  for (const [name, framework, dialectOf] of DIALECTS) {
    it(`${name}: delete answers 404 through the dialect's early exit, then 204`, () => {
      const ctx = context(framework);
      const op = ctx.operations.find((o) => o.kind === 'delete')!;
      assert.equal(written((w) => crudStatements(ctx, op, dialectOf(ctx), 'app', w)).trimEnd(), deletes[name]);
    });

    it(`${name}: create answers 201 with the new item's Location`, () => {
      const ctx = context(framework);
      const op = ctx.operations.find((o) => o.kind === 'create')!;
      assert.equal(written((w) => crudStatements(ctx, op, dialectOf(ctx), 'app', w)).trimEnd(), `const item = await repository.create(body);\n${creates[name]}`);
    });
  }

  it('the safeParse block reads each part where the framework keeps it and leaves with one 400', () => {
    const ctx = context('express');
    const op = ctx.operations.find((o) => o.kind === 'update')!;
    assert.equal(written((w) => writeSafeParse(op, EXPRESS_RESPONSES, '', w)).trimEnd(), [
      'const paramsResult = ProductIdParamsSchema.safeParse(req.params);',
      'const bodyResult = ProductSchema.safeParse(req.body);',
      'if (!paramsResult.success || !bodyResult.success) {',
      '  res.status(400).json(toValidationError(paramsResult.success ? undefined : paramsResult.error, bodyResult.success ? undefined : bodyResult.error));',
      '  return;',
      '}',
      'const params = paramsResult.data;',
      'const body = bodyResult.data;',
    ].join('\n'));
    const hono = context('hono');
    assert.match(written((w) => writeSafeParse(op, honoResponses(hono), '', w)), /ProductIdParamsSchema\.safeParse\(c\.req\.param\(\)\)[\s\S]*return c\.json\(toValidationError\([^\n]*\), 400\);\n\}/);
  });

  it('a custom operation without logic gets the dialect\'s 501 under a TODO; with logic, the given statements', () => {
    const ctx = context('fastify');
    const op = ctx.operations.find((o) => o.kind === 'custom')!;
    assert.equal(customBody(ctx, op, fastifyResponses(ctx)), [
      '// TODO(routecraft): searchProducts is not implemented yet; describe its logic and generate again, or write it here.',
      "return reply.code(501).send({ error: 'NotImplemented', message: 'Not implemented: Search products' });",
    ].join('\n'));
    const given = context('fastify', { searchProducts: '  return reply.send([]);  ' });
    assert.equal(customBody(given, op, fastifyResponses(given)), 'return reply.send([]);');
    assert.equal(customBody(ctx, ctx.operations.find((o) => o.kind === 'list')!, fastifyResponses(ctx)), '');
  });
});

describe('codegen/shared/routeModule: addRoutes', () => {
  function moduleWith(ctx: GenerationContext, code: string): RouteContainer {
    const file = ctx.project.createSourceFile('/src/routes/products.ts', code, { overwrite: true });
    return { node: file, receiver: 'router', insertIndex: () => file.getStatements().length };
  }
  const write = (op: { method: string; subPath: string }, receiver: string, _body: string, w: CodeBlockWriter): void => {
    w.write(`${receiver}.${op.method.toLowerCase()}('${op.subPath.replace(/\{(\w+)\}/g, ':$1')}', async (req, res) => `).inlineBlock(() => {
      w.write('try ').inlineBlock(() => w.writeLine('void req;')).write(' catch (error) ').inlineBlock(() => w.writeLine('void res;')).newLine();
    }).write(');');
  };

  it('skips registered routes, puts a static path before a parameterised one and a custom body where bodyBlock says', () => {
    const ctx = context('express');
    const container = moduleWith(ctx, "router.get('/:id', async () => {});\nrouter.delete('/:id', async () => {});\n");
    const ops = pendingOperations(ctx, container);
    assert.deepEqual(ops.map((o) => o.kind), ['list', 'create', 'update', 'custom']);
    const added = addRoutes(ctx, container, ops, EXPRESS_RESPONSES, {
      spaced: false,
      write,
      bodyBlock: (body) => {
        const t = body.getStatements().find((s) => Node.isTryStatement(s));
        return t && Node.isTryStatement(t) ? t.getTryBlock() : body;
      },
    });
    assert.equal(added, true);
    const text = ctx.project.getSourceFileOrThrow('/src/routes/products.ts').getFullText();
    const order = [...text.matchAll(/router\.(\w+)\('([^']*)'/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(order, ['get /', 'post /', 'get /search', 'get /:id', 'delete /:id', 'put /:id']);
    assert.match(text, /try \{\s*void req;\s*\/\/ TODO\(routecraft\): searchProducts[^\n]*\s*res\.status\(501\)/);
    assert.equal(addRoutes(ctx, container, pendingOperations(ctx, container), EXPRESS_RESPONSES, { spaced: false, write }), false);
  });
});
