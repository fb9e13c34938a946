import assert from 'node:assert/strict';
import { getGeneratorOrThrow } from '../../../../src/core/codegen/registry';
import { routeHandlerContract } from '../../../../src/core/codegen/shared/handlerContract';

// The texts the three route-handler generators told the model before they shared routeHandlerContract:
// the spec prompt (and so its cache key) must not change.
const BEFORE = {
  express: 'The body is the statements of an Express route handler that runs after validation. In scope: `params`, `query` and `body` (the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), and Express\'s `req` and `res`. Answer with `res.status(CODE).json(VALUE)` (or `res.status(204).end()`); `await` is allowed. Do not validate again, do not import anything.',
  fastify: 'The body is the statements of an async Fastify route handler that runs after validation. In scope: `params`, `query` and `body` (the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), and Fastify\'s `request` and `reply`. Answer with `return reply.code(CODE).send(VALUE);` (or `return reply.code(204).send();`); `await` is allowed. Do not validate again, do not import anything.',
  hono: 'The body is the statements of an async Hono handler that runs after validation. In scope: `params`, `query` and `body` (the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), and Hono\'s context `c`. Answer with `return c.json(VALUE, CODE);` (or `return c.body(null, 204);`); `await` is allowed. Do not validate again, do not import anything.',
} as const;

describe('routeHandlerContract', () => {
  for (const framework of ['express', 'fastify', 'hono'] as const) {
    it(`states the ${framework} contract word for word as before`, () => {
      assert.equal(getGeneratorOrThrow(framework).handlerContract, BEFORE[framework]);
    });
  }

  it('places the framework\'s handler, objects and answer in the shared sentences', () => {
    const text = routeHandlerContract({ handler: 'an H handler', inScope: 'S', answer: '`A`' });
    assert.match(text, /^The body is the statements of an H handler that runs after validation\. /);
    assert.match(text, / and S\. Answer with `A`; `await` is allowed\. Do not validate again, do not import anything\.$/);
  });
});
