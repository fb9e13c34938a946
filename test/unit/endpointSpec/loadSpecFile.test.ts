import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoutecraftError } from '../../../src/core/errors';
import { loadSpecFile } from '../../../src/core/endpointSpec/inputs';

describe('loadSpecFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'routecraft-spec-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  async function rejection(promise: Promise<unknown>): Promise<RoutecraftError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof RoutecraftError, String(error));
      return error;
    }
    assert.fail('expected a rejection');
  }

  const petstore = `openapi: 3.0.0
info: { title: t, version: "1" }
paths:
  /pets:
    get: { operationId: listPets, responses: { "200": { description: OK } } }
    post: { operationId: createPet, responses: { "201": { description: Created } } }
`;

  it('reads every operation of a whole OpenAPI document, or only the named ones', async () => {
    const path = write('api.yaml', petstore);
    assert.deepEqual((await loadSpecFile(path)).spec.endpoints.map((e) => e.operationId), ['listPets', 'createPet']);
    assert.deepEqual((await loadSpecFile(path, { operations: ['createPet'] })).spec.endpoints.map((e) => e.operationId), ['createPet']);
  });

  it('reads a Routecraft spec in JSON', async () => {
    const path = write('spec.json', JSON.stringify({ version: 1, resource: 'tag', crud: { entity: { type: 'object', properties: { label: { type: 'string' } } } } }));
    const loaded = await loadSpecFile(path);
    assert.equal(loaded.source, 'routecraft');
    assert.equal(loaded.spec.resource, 'tag');
  });

  it('reads a TypeScript file through the same recognisers', async () => {
    const loaded = await loadSpecFile(write('model.ts', 'export interface Book { id: number; title: string }'));
    assert.equal(loaded.source, 'typescript');
    assert.equal(loaded.spec.crud?.idFormat, 'integer');
  });

  it('says when the file is missing', async () => {
    const error = await rejection(loadSpecFile(join(dir, 'nope.yaml')));
    assert.equal(error.code, 'file-not-found');
    assert.match(error.message, /Spec file not found: .*nope\.yaml/);
  });

  it('says when the file is not valid YAML or JSON, with the line', async () => {
    const yamlError = await rejection(loadSpecFile(write('bad.yaml', 'version: 1\nresource: [a\n')));
    assert.equal(yamlError.code, 'invalid-input');
    assert.match(yamlError.message, /bad\.yaml is not valid YAML:\n {2}- not valid YAML \(line \d+, column \d+\)/);
    const jsonError = await rejection(loadSpecFile(write('bad.json', '{"version": 1 "resource": "a"}')));
    assert.match(jsonError.message, /bad\.json is not valid JSON:\n {2}- not valid JSON/);
  });

  it('lists every issue of an invalid spec and an unknown operation', async () => {
    const error = await rejection(loadSpecFile(write('spec.yaml', 'version: 1\nresource: Bad-Name\nbasePath: nope\n')));
    assert.match(error.message, /spec\.yaml is not a usable routecraft spec:/);
    assert.match(error.message, /- resource: /);
    assert.match(error.message, /- basePath: /);
    assert.match(error.message, /- endpoints: a spec needs crud, endpoints, or both/);
    const unknown = await rejection(loadSpecFile(write('api.yaml', petstore), { operations: ['deletePet'] }));
    assert.match(unknown.message, /operation "deletePet" not found; available: listPets, createPet/);
  });

  it('says what it expected when the file holds neither a spec nor OpenAPI', async () => {
    const error = await rejection(loadSpecFile(write('notes.yaml', 'title: my notes\nitems: [a, b]\n')));
    assert.match(error.message, /neither a Routecraft endpoint spec \(version: 1\) nor an OpenAPI 3 document/);
  });
});
