import assert from 'node:assert/strict';
import { parseSpecText } from '../../../src/core/endpointSpec/inputs';
import { assertSomeLine, issuesOf, specOf, warningsOf } from './specAssertions';

const ok = { '200': { description: 'OK' } };

function doc(paths: object, components: object = {}, version = '3.1.0'): string {
  return JSON.stringify({ openapi: version, info: { title: 't', version: '1' }, paths, components });
}

describe('parseSpecText: OpenAPI', () => {
  it('converts a 3.0 document: nullable, boolean exclusiveMinimum, example, int32, readOnly dropped from requests', () => {
    const text = `openapi: 3.0.3
info: { title: Shop, version: "1" }
paths:
  /api/v1/products:
    post:
      operationId: createProduct
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [name, price]
              properties:
                id: { type: string, readOnly: true }
                name: { type: string, maxLength: 120, example: Lamp }
                price: { type: number, minimum: 0, exclusiveMinimum: true }
                stock: { type: integer, format: int32, maximum: 1000, exclusiveMaximum: false }
                note: { type: string, nullable: true }
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: { type: string, readOnly: true }
                  secret: { type: string, writeOnly: true }
`;
    const spec = specOf(parseSpecText(text), 'openapi');
    assert.equal(spec.resource, 'product');
    assert.equal(spec.basePath, '/api/v1/products');
    const [endpoint] = spec.endpoints;
    assert.equal(endpoint?.summary, 'POST /api/v1/products');
    assert.deepEqual(endpoint?.body, {
      type: 'object',
      required: ['name', 'price'],
      properties: {
        name: { type: 'string', maxLength: 120, examples: ['Lamp'] },
        price: { type: 'number', exclusiveMinimum: 0 },
        stock: { type: 'integer', maximum: 1000 },
        note: { type: 'string', nullable: true },
      },
    });
    assert.deepEqual(endpoint?.responses['201']?.schema?.properties, { id: { type: 'string' } });
  });

  it('maps 3.1 type arrays with null to nullable and anyOf [X, null] to a nullable X', () => {
    const text = doc({
      '/notes': {
        post: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { a: { type: ['string', 'null'] }, b: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] } } } } } },
          responses: ok,
        },
      },
    });
    const body = specOf(parseSpecText(text)).endpoints[0]?.body;
    assert.deepEqual(body?.properties, { a: { type: 'string', nullable: true }, b: { type: 'integer', minimum: 1, nullable: true } });
  });

  it('merges allOf objects (properties and required) through $refs', () => {
    const text = doc(
      { '/pets': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: ok } } },
      { schemas: { Base: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }, Pet: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['age'], properties: { age: { type: 'integer' } } }] } } },
    );
    assert.deepEqual(specOf(parseSpecText(text)).endpoints[0]?.body, {
      type: 'object',
      required: ['name', 'age'],
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
    });
  });

  it('rejects oneOf, a second type, disagreeing allOf and `not`, naming each path', () => {
    const schema = {
      type: 'object',
      properties: {
        pet: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        any: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
        both: { type: ['string', 'number'] },
        clash: { allOf: [{ type: 'string' }, { type: 'integer' }] },
        never: { not: { type: 'string' } },
      },
    };
    const issues = issuesOf(parseSpecText(doc({ '/pets': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: ok } } })), 'openapi');
    assertSomeLine(issues, 'POST /pets body.properties.pet', 'not supported yet: oneOf');
    assertSomeLine(issues, 'POST /pets body.properties.any', 'not supported yet: anyOf');
    assertSomeLine(issues, 'body.properties.both', 'more than one type');
    assertSomeLine(issues, 'body.properties.clash', 'allOf parts disagree on "type"');
    assertSomeLine(issues, 'body.properties.never', 'not supported yet: not');
  });

  it('reports a cyclic $ref with its chain', () => {
    const text = doc(
      { '/nodes': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, responses: ok } } },
      { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    );
    assertSomeLine(issuesOf(parseSpecText(text)), 'body.properties.children.items', 'cyclic $ref #/components/schemas/Node → #/components/schemas/Node');
  });

  it('reports a cyclic chain of parameter $refs, a missing $ref and an external one', () => {
    const text = doc(
      {
        '/a': { get: { parameters: [{ $ref: '#/components/parameters/A' }], responses: ok } },
        '/b': { get: { parameters: [{ $ref: '#/components/parameters/Missing' }], responses: ok } },
        '/c': { get: { parameters: [{ name: 'q', in: 'query', schema: { $ref: 'other.yaml#/Q' } }], responses: ok } },
      },
      { parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } } },
    );
    const issues = issuesOf(parseSpecText(text));
    assertSomeLine(issues, 'GET /a parameters.0', 'cyclic $ref');
    assertSomeLine(issues, 'GET /b', '#/components/parameters/Missing', 'points to nothing');
    assertSomeLine(issues, 'GET /c query.q', 'external $ref');
  });

  it('reads a single path item: path-level parameters, derived operationIds, header parameters warned about', () => {
    const text = `"/users/{id}":
  parameters:
    - { name: id, in: path, required: true, schema: { type: integer } }
  get:
    parameters:
      - { name: X-Trace, in: header, schema: { type: string } }
      - { name: fields, in: query, required: true, schema: { type: string } }
    responses: { "200": { description: OK } }
  put:
    requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
    responses: { "204": { description: Updated }, default: { description: Error } }
  head:
    responses: { "200": { description: OK } }
`;
    const result = parseSpecText(text);
    const spec = specOf(result, 'openapi');
    assert.equal(spec.resource, 'user');
    assert.equal(spec.basePath, undefined);
    assert.deepEqual(spec.endpoints.map((e) => `${e.operationId} ${e.method} ${e.path}`), ['getUsersById GET /users/{id}', 'putUsersById PUT /users/{id}']);
    assert.deepEqual(spec.endpoints[0]?.pathParams, { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] });
    assert.deepEqual(spec.endpoints[0]?.query, { type: 'object', properties: { fields: { type: 'string' } }, required: ['fields'] });
    const warnings = warningsOf(result);
    assertSomeLine(warnings, 'header parameter "X-Trace" ignored');
    assertSomeLine(warnings, 'response "default" ignored');
    assertSomeLine(warnings, 'HEAD /users/{id} skipped');
  });

  it('renames non-identifier path parameters and operationIds, with warnings', () => {
    const result = parseSpecText(doc({ '/orders/{order-id}': { get: { operationId: 'get_order', parameters: [{ name: 'order-id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } }));
    const endpoint = specOf(result).endpoints[0];
    assert.equal(endpoint?.operationId, 'getOrder');
    assert.equal(endpoint?.path, '/orders/{orderId}');
    assert.deepEqual(Object.keys(endpoint?.pathParams?.properties ?? {}), ['orderId']);
    assertSomeLine(warningsOf(result), 'renamed {orderId}');
    assertSomeLine(warningsOf(result), 'operationId "get_order" renamed "getOrder"');
  });

  it('reads a bare operation, placing it from its operationId with a warning', () => {
    const text = `operationId: createUser
summary: Create a user
requestBody:
  content:
    application/json:
      schema: { type: object, required: [email], properties: { email: { type: string, format: email } } }
responses:
  "201": { description: Created }
`;
    const result = parseSpecText(text);
    const endpoint = specOf(result, 'openapi').endpoints[0];
    assert.equal(endpoint?.method, 'POST');
    assert.equal(endpoint?.path, '/users');
    assert.equal(endpoint?.body?.properties?.email?.format, 'email');
    assertSomeLine(warningsOf(result), 'assumed POST /users');
  });

  it('places a bare operation with path parameters and a delete verb', () => {
    const text = JSON.stringify({ operationId: 'removeCategory', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Gone' } } });
    const endpoint = specOf(parseSpecText(text)).endpoints[0];
    assert.equal(`${endpoint?.method} ${endpoint?.path}`, 'DELETE /categories/{id}');
  });

  it('refuses a bare operation it cannot name', () => {
    assertSomeLine(issuesOf(parseSpecText('requestBody: { content: { application/json: { schema: { type: object } } } }\nresponses: {}')), 'needs an operationId or tags');
  });

  it('keeps only the named operations, and names unknown ones with the available list', () => {
    const text = doc({ '/pets': { get: { operationId: 'listPets', responses: ok }, post: { operationId: 'createPet', responses: ok } }, '/pets/{id}': { get: { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } });
    assert.deepEqual(specOf(parseSpecText(text, { operations: ['createPet', 'getPet'] })).endpoints.map((e) => e.operationId), ['createPet', 'getPet']);
    assertSomeLine(issuesOf(parseSpecText(text, { operations: ['deletePet'] })), 'operation "deletePet" not found; available: listPets, createPet, getPet');
  });

  it('refuses a non-JSON request body and unsupported versions', () => {
    const upload = doc({ '/files': { post: { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } }, responses: ok } } });
    assertSomeLine(issuesOf(parseSpecText(upload)), 'POST /files requestBody', 'multipart/form-data');
    assertSomeLine(issuesOf(parseSpecText(JSON.stringify({ swagger: '2.0', paths: {} }))), 'Swagger 2.0', 'OpenAPI 3');
    assertSomeLine(issuesOf(parseSpecText(doc({}, {}, '4.0.0'))), 'version "4.0.0" is not supported');
    assertSomeLine(issuesOf(parseSpecText(doc({}))), 'no GET, POST, PUT, PATCH or DELETE operation');
  });

  it('refuses operations of several resources, and takes one of them when named', () => {
    const text = doc({ '/pets': { get: { operationId: 'listPets', responses: ok } }, '/owners': { get: { operationId: 'listOwners', responses: ok } } });
    assertSomeLine(issuesOf(parseSpecText(text)), 'several resources (/pets, /owners)', '--operation');
    assert.equal(specOf(parseSpecText(text, { operations: ['listOwners'] })).resource, 'owner');
  });

  it('keeps every endpoint path under basePath, sub-resources included', () => {
    const text = doc({ '/users/{id}/posts': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } }, '/users/search': { get: { responses: ok } } });
    const spec = specOf(parseSpecText(text));
    assert.equal(spec.resource, 'user');
    assert.equal(spec.basePath, undefined);
    for (const endpoint of spec.endpoints) {
      assert.ok(endpoint.path.startsWith('/users/'), endpoint.path);
    }
  });

  it('drops unchecked formats with a warning and keeps supported ones', () => {
    const result = parseSpecText(doc({ '/logins': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { password: { type: 'string', format: 'password' }, site: { type: 'string', format: 'uri' } } } } } }, responses: ok } } }));
    assert.deepEqual(specOf(result).endpoints[0]?.body?.properties, { password: { type: 'string' }, site: { type: 'string', format: 'uri' } });
    assertSomeLine(warningsOf(result), 'format "password"');
  });

  it('warns that a server base path is not added to the routes', () => {
    const text = JSON.stringify({ openapi: '3.0.0', servers: [{ url: 'https://api.example.com/v2/' }], paths: { '/pets': { get: { responses: ok } } } });
    assertSomeLine(warningsOf(parseSpecText(text)), 'servers: the base path /v2 is not added');
    const plain = JSON.stringify({ openapi: '3.0.0', servers: [{ url: 'https://api.example.com' }], paths: { '/pets': { get: { responses: ok } } } });
    assert.deepEqual(warningsOf(parseSpecText(plain)), []);
  });
});
