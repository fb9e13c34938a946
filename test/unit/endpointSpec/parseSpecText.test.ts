import assert from 'node:assert/strict';
import { parseSpecText } from '../../../src/core/endpointSpec/inputs';
import { assertSomeLine, issuesOf, specOf } from './specAssertions';

const crudYaml = `version: 1
resource: product
crud:
  entity:
    type: object
    required: [name]
    properties:
      name: { type: string, maxLength: 120 }
`;

describe('parseSpecText: Routecraft specs and detection', () => {
  it('reads a Routecraft spec in YAML, applying the defaults', () => {
    const spec = specOf(parseSpecText(crudYaml), 'routecraft');
    assert.equal(spec.resource, 'product');
    assert.deepEqual(spec.crud?.operations, ['list', 'get', 'create', 'update', 'delete']);
    assert.equal(spec.crud?.idFormat, 'uuid');
    assert.deepEqual(spec.endpoints, []);
  });

  it('reads the same spec in JSON', () => {
    const json = JSON.stringify({ version: 1, resource: 'product', crud: { entity: { type: 'object', properties: { name: { type: 'string' } } } } });
    assert.equal(specOf(parseSpecText(json), 'routecraft').resource, 'product');
  });

  it('lists every issue of an invalid spec with its path', () => {
    const text = `version: 1
resource: Product
endpoints:
  - operationId: get_product
    method: FETCH
    path: users
    summary: ""
    responses: {}
    extra: true
`;
    const issues = issuesOf(parseSpecText(text), 'routecraft');
    assertSomeLine(issues, 'resource:', 'camelCase');
    assertSomeLine(issues, 'endpoints.0.operationId:');
    assertSomeLine(issues, 'endpoints.0.method:');
    assertSomeLine(issues, 'endpoints.0.path:', 'a path such as');
    assertSomeLine(issues, 'endpoints.0.summary:');
    assertSomeLine(issues, 'endpoints.0', 'extra');
    assert.ok(issues.length >= 6, issues.join('\n'));
  });

  it('reports refinements of the spec: an undeclared path parameter, a GET with a body', () => {
    const text = JSON.stringify({
      version: 1,
      resource: 'user',
      endpoints: [{ operationId: 'getUser', method: 'GET', path: '/users/{id}', summary: 'Get', body: { type: 'object', properties: {} }, responses: {} }],
    });
    const issues = issuesOf(parseSpecText(text));
    assertSomeLine(issues, 'endpoints.0.pathParams', '{id}');
    assertSomeLine(issues, 'endpoints.0.body', 'GET endpoints take no body');
  });

  it('reports malformed YAML with its line', () => {
    const issues = issuesOf(parseSpecText('version: 1\nresource: product\ncrud:\n  entity: [unclosed\n'), 'unknown');
    assertSomeLine(issues, 'not valid YAML', 'line');
  });

  it('accepts what YAML accepts in JSON-looking text (a trailing comma)', () => {
    assertSomeLine(issuesOf(parseSpecText('{"version": 1, "resource": "product",}'), 'routecraft'), 'a spec needs crud, endpoints, or both');
  });

  it('reports malformed JSON', () => {
    const issues = issuesOf(parseSpecText('{"version": 1 "resource": "product"}'), 'unknown');
    assertSomeLine(issues, 'not valid JSON');
  });

  it('reports duplicate YAML keys', () => {
    assertSomeLine(issuesOf(parseSpecText('version: 1\nversion: 2\nresource: a\n')), 'not valid YAML');
  });

  it('leaves plain words to the LLM', () => {
    for (const text of [
      '',
      '   ',
      'Create a user registration endpoint with email and password',
      'POST /users: registers a user: email must be unique',
      'fields: name, price',
      '- name\n- price',
      'interface for users with name and email',
    ]) {
      assert.deepEqual(parseSpecText(text), { kind: 'not-structured' }, text);
    }
  });

  it('recognises each structured kind', () => {
    assert.equal(specOf(parseSpecText('interface Product { id: string; name: string }')).resource, 'product');
    assert.equal(specOf(parseSpecText("const Product = z.object({ name: z.string() })")).resource, 'product');
    assert.equal(specOf(parseSpecText('{"/users": {"get": {"responses": {"200": {"description": "ok"}}}}}')).resource, 'user');
  });

  it('prefers data over code: a spec whose text quotes a TypeScript interface stays a spec', () => {
    const text = `version: 1
resource: user
endpoints:
  - operationId: createUser
    method: POST
    path: /users
    summary: Create
    responses: { "201": { description: Created } }
    logic: |
      interface Audit {
        at: string
      }
`;
    assert.equal(specOf(parseSpecText(text), 'routecraft').endpoints[0]?.operationId, 'createUser');
  });

  it('keeps only the named endpoints of a Routecraft spec, naming unknown ones', () => {
    const endpoint = (operationId: string) => ({ operationId, method: 'POST', path: '/users', summary: 's', responses: {} });
    const text = JSON.stringify({ version: 1, resource: 'user', endpoints: [endpoint('createUser'), endpoint('inviteUser')] });
    assert.deepEqual(specOf(parseSpecText(text, { operations: ['inviteUser'] })).endpoints.map((e) => e.operationId), ['inviteUser']);
    assertSomeLine(issuesOf(parseSpecText(text, { operations: ['banUser'] }), 'routecraft'), 'operation "banUser" not found; available: createUser, inviteUser');
  });

  it('recognises z.strictObject', () => {
    const spec = specOf(parseSpecText('const Tag = z.strictObject({ label: z.string() })'), 'zod');
    assert.equal(spec.crud?.entity.additionalProperties, false);
  });
});
