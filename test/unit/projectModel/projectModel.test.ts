import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint, type EndpointResult } from '../../../src/core/endpoint/generateEndpoint';
import { loadSpecFile } from '../../../src/core/endpointSpec/inputs/loadSpecFile';
import type { EndpointSpec } from '../../../src/core/endpointSpec/endpointSpec';
import { ProjectModel } from '../../../src/core/projectModel/projectModel';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';

const examples = join(import.meta.dirname, '..', '..', '..', 'docs', 'spec-examples');

/** What the review shows: every file with its texts and diagnostics, the notes, the main file. */
function shown(result: EndpointResult): unknown {
  assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 400));
  if (result.kind !== 'ok') {
    return undefined;
  }
  return { files: result.changeSet.files, summary: result.changeSet.summary, notes: result.notes, mainFile: result.mainFile, facts: result.facts };
}

describe('ProjectModel: a warm Generate Endpoint writes exactly what a cold one writes', function () {
  this.timeout(180_000);
  let root: string;
  let products: EndpointSpec;
  let users: EndpointSpec;
  before(async () => {
    root = prepareWorkspace('express5-vitest', 'unit-project-model');
    products = (await loadSpecFile(join(examples, 'products-crud.yaml'))).spec;
    users = (await loadSpecFile(join(examples, 'user-registration.yaml'))).spec;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const warm = async (model: ProjectModel, spec: EndpointSpec): Promise<EndpointResult> => {
    model.beginRequest();
    try {
      return await generateEndpoint({ root, spec, model });
    } finally {
      model.endRequest();
    }
  };

  let kept: ProjectModel | undefined;

  it('first, second and third requests through one model equal cold runs byte for byte; the later ones reuse facts, parses and the program', async () => {
    const model = new ProjectModel(root);
    kept = model;
    const cold = shown(await generateEndpoint({ root, spec: products }));
    assert.deepEqual(shown(await warm(model, products)), cold);
    assert.deepEqual(model.lastRequest, { request: 1, warm: false, factsReused: false, check: model.lastRequest?.check });
    assert.equal(model.lastRequest?.check?.programReused, false);
    assert.deepEqual(shown(await warm(model, products)), cold);
    assert.equal(model.lastRequest?.warm, true);
    assert.equal(model.lastRequest?.factsReused, true);
    assert.equal(model.lastRequest?.check?.newParses, 0);
    assert.equal(model.lastRequest?.check?.programReused, true);
    // Another resource: other in-memory files, so a fresh program, but every parse is reused.
    assert.deepEqual(shown(await warm(model, users)), shown(await generateEndpoint({ root, spec: users })));
    assert.equal(model.lastRequest?.check?.programReused, false);
    assert.ok((model.lastRequest?.check?.reusedParses ?? 0) > 100);
  });

  it('an edit on disk between two requests (no file event) reaches both the facts and the type check: same result as a cold run', async () => {
    // The model the test above filled (same project), or a model filled here when this test runs alone.
    const model = kept ?? new ProjectModel(root);
    if (model.lastRequest === undefined) {
      await warm(model, products);
    }
    // The app now uses double quotes and semicolons; a new module appears beside it.
    writeFileSync(join(root, 'src', 'app.ts'), 'import express from "express";\n\nexport const app = express();\n\napp.use(express.json());\n\napp.get("/health", (_req, res) => {\n  res.json({ status: "ok" });\n});\n');
    writeFileSync(join(root, 'src', 'extra.ts'), 'export const port: number = 3000;\n');
    const again = await warm(model, products);
    assert.equal(model.lastRequest?.factsReused, false);
    assert.deepEqual(shown(again), shown(await generateEndpoint({ root, spec: products })));
    const app = again.kind === 'ok' ? again.changeSet.files.find((f) => f.path === 'src/app.ts') : undefined;
    assert.match(app?.before ?? '', /^import express from "express";/);
  });
});
