import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EndpointSpecSchema } from '../../../src/core/endpointSpec';
import { loadSpecFile, specJsonSchema } from '../../../src/core/endpointSpec/inputs';
import { checkJsonSchema } from './miniJsonSchemaCheck';

const examples = join(__dirname, '../../../docs/spec-examples');
const ROUTECRAFT_EXAMPLES = ['user-registration.yaml', 'products-crud.yaml', 'every-feature.json'];

function read(name: string): unknown {
  return parse(readFileSync(join(examples, name), 'utf8')) as unknown;
}

describe('spec examples and the spec JSON Schema', () => {
  it('ships the four documented examples', () => {
    assert.deepEqual(readdirSync(examples).sort(), ['every-feature.json', 'openapi-petstore.yaml', 'products-crud.yaml', 'user-registration.yaml']);
  });

  for (const name of ROUTECRAFT_EXAMPLES) {
    it(`${name} parses with EndpointSpecSchema and passes the generated JSON Schema`, () => {
      const data = read(name);
      const parsed = EndpointSpecSchema.safeParse(data);
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
      assert.deepEqual(checkJsonSchema(specJsonSchema(), data), []);
    });
  }

  it('the JSON Schema is the input side: defaulted fields are optional, unknown keys refused', () => {
    const schema = specJsonSchema();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(schema.required, ['version', 'resource']);
    assert.deepEqual(checkJsonSchema(schema, { version: 1, resource: 'note', crud: { entity: { type: 'object', properties: {} } } }), []);
    const errors = checkJsonSchema(schema, { version: 2, resource: 'Note', extra: 1, crud: { entity: { type: 'object', properties: { 'bad-name': { type: 'text' } } } } });
    for (const fragment of ['$.version', '$.resource', '$.extra: not allowed', 'bad-name: bad property name', "$.crud.entity.properties.bad-name.type: not in enum"]) {
      assert.ok(errors.some((e) => e.startsWith(fragment) || e.includes(fragment)), `${fragment} in ${errors.join('; ')}`);
    }
  });

  it('user-registration.yaml: password with min 8, upper/lower pattern and examples that match it; email uniqueness logic', async () => {
    const { spec } = await loadSpecFile(join(examples, 'user-registration.yaml'));
    const endpoint = spec.endpoints[0]!;
    const password = endpoint.body?.properties?.password;
    assert.equal(password?.minLength, 8);
    for (const example of password?.examples ?? []) {
      assert.match(String(example), new RegExp(password.pattern!, 'u'));
      assert.ok(String(example).length >= 8);
    }
    assert.doesNotMatch('alllowercase1', new RegExp(password.pattern!, 'u'));
    assert.equal(endpoint.body?.properties?.email?.format, 'email');
    assert.ok(endpoint.body?.properties?.phone);
    assert.match(endpoint.logic ?? '', /unique/);
  });

  it('products-crud.yaml: name required ≤ 120, price > 0, tags an array of strings', async () => {
    const { spec, source } = await loadSpecFile(join(examples, 'products-crud.yaml'));
    assert.equal(source, 'routecraft');
    const entity = spec.crud!.entity;
    assert.deepEqual(entity.required, ['name', 'price']);
    assert.equal(entity.properties?.name?.maxLength, 120);
    assert.equal(entity.properties?.price?.exclusiveMinimum, 0);
    assert.deepEqual(entity.properties?.tags?.items, { type: 'string' });
  });

  it('every-feature.json uses every keyword of the JSON Schema subset', async () => {
    const { spec } = await loadSpecFile(join(examples, 'every-feature.json'));
    const used = new Set<string>();
    const formats = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(visit);
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          used.add(key);
          if (key === 'format') {
            formats.add(String(inner));
          }
          visit(inner);
        }
      }
    };
    visit(spec);
    const keywords = ['type', 'description', 'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'enum', 'items', 'minItems', 'maxItems', 'uniqueItems', 'properties', 'required', 'additionalProperties', 'nullable', 'default', 'examples', 'query', 'pathParams', 'body'];
    assert.deepEqual(keywords.filter((k) => !used.has(k)), []);
    assert.deepEqual(['email', 'uuid', 'date-time', 'uri'].filter((f) => !formats.has(f)), []);
  });

  it('openapi-petstore.yaml converts with its $refs resolved, readOnly id out of the request body', async () => {
    const { spec, source, warnings } = await loadSpecFile(join(examples, 'openapi-petstore.yaml'));
    assert.equal(source, 'openapi');
    assert.deepEqual(warnings, []);
    assert.equal(spec.resource, 'pet');
    assert.deepEqual(spec.endpoints.map((e) => `${e.method} ${e.path} ${e.operationId}`), ['GET /pets listPets', 'POST /pets createPet', 'GET /pets/{petId} showPetById', 'DELETE /pets/{petId} deletePetsByPetId']);
    const create = spec.endpoints[1]!;
    assert.deepEqual(create.body?.required, ['name']);
    assert.equal(create.body?.properties?.id, undefined);
    assert.deepEqual(create.body?.properties?.tag, { type: 'string', maxLength: 30, nullable: true });
    assert.deepEqual(create.responses['201']?.schema?.required, ['name', 'id']);
    assert.deepEqual(create.responses['400']?.schema?.properties?.issues, { type: 'array', items: { type: 'string' } });
    assert.deepEqual(spec.endpoints[0]?.query?.properties?.limit, { type: 'integer', description: 'How many pets to return at most', minimum: 1, maximum: 100 });
    assert.deepEqual(spec.endpoints[0]?.query?.properties?.status?.enum, ['available', 'pending', 'sold']);
    assert.equal(spec.endpoints[2]?.responses['404']?.description, 'No pet with this id');
  });
});
