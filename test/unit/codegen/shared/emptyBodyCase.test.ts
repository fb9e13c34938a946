import assert from 'node:assert/strict';
import { createGenerationContext } from '../../../../src/core/codegen/shared/generationContext';
import { testPlan, type TestCase } from '../../../../src/core/codegen/shared/testWriters/testPlan';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { EndpointSpecSchema } from '../../../../src/core/endpointSpec';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 4, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

/** A body with one required property, as `POST /gadgets/{id}/archive` of corpus/specs/04-gadgets-more.yaml. */
const ARCHIVE = EndpointSpecSchema.parse({
  version: 1,
  resource: 'gadget',
  endpoints: [{
    operationId: 'archiveGadget', method: 'POST', path: '/gadgets/{id}/archive', summary: 'Archive a gadget',
    pathParams: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
    body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3 } } },
    responses: { '200': { description: 'The archived gadget' } },
  }],
});

function caseTitled(tests: readonly TestCase[], title: string): TestCase {
  return tests.find((t) => t.title === title) ?? assert.fail(`no test "${title}" in ${tests.map((t) => t.title).join(', ')}`);
}

describe('codegen: a 400 case whose body is left empty', () => {
  it('asserts only the status (apps often refuse an empty JSON body in their own middleware), the other cases also the field', () => {
    const ctx = createGenerationContext({ spec: ARCHIVE, options: OPTIONS, files: { read: () => undefined, exists: () => false }, handlerBodies: {} });
    const tests = testPlan(ctx).flatMap((g) => g.tests);
    const missing = caseTitled(tests, '400 when body.reason is missing (required)');
    assert.deepEqual(missing.steps.map((s) => s.kind), ['send', 'status']);
    const send = missing.steps[0];
    assert.deepEqual(send?.kind === 'send' ? send.body : undefined, {});
    const short = caseTitled(tests, '400 when body.reason is shorter than 3 characters');
    assert.deepEqual(short.steps.map((s) => s.kind), ['send', 'status', 'validationIssue']);
  });
});
