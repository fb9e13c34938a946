import assert from 'node:assert/strict';
import { parseSpecText } from '../../../src/core/endpointSpec/inputs';
import { assertSomeLine, issuesOf, specOf, warningsOf } from './specAssertions';

describe('parseSpecText: TypeScript interfaces and types', () => {
  it('turns an interface with JSDoc constraints into a CRUD spec with every operation', () => {
    const text = `export interface User {
  id: string;
  /** The login address. @format email @maxLength 254 */
  email: string;
  /**
   * @minLength 8
   * @pattern ^(?=.*[a-z])(?=.*[A-Z]).+$
   */
  password: string;
  /** @minimum 0 @maximum 150 @integer */
  age?: number;
  role: 'admin' | 'member' | 'guest';
  tags: string[];
  scores: Array<number>;
  nickname: string | null;
  bio?: string | undefined;
  active: boolean;
  createdAt: Date;
}`;
    const spec = specOf(parseSpecText(text), 'typescript');
    assert.equal(spec.resource, 'user');
    assert.equal(spec.crud?.idFormat, 'uuid');
    assert.deepEqual(spec.crud?.operations, ['list', 'get', 'create', 'update', 'delete']);
    assert.deepEqual(spec.crud?.entity, {
      type: 'object',
      properties: {
        email: { type: 'string', description: 'The login address.', format: 'email', maxLength: 254 },
        password: { type: 'string', minLength: 8, pattern: '^(?=.*[a-z])(?=.*[A-Z]).+$' },
        age: { type: 'integer', minimum: 0, maximum: 150 },
        role: { type: 'string', enum: ['admin', 'member', 'guest'] },
        tags: { type: 'array', items: { type: 'string' } },
        scores: { type: 'array', items: { type: 'number' } },
        nickname: { type: 'string', nullable: true },
        bio: { type: 'string' },
        active: { type: 'boolean' },
        createdAt: { type: 'string', format: 'date-time' },
      },
      required: ['email', 'password', 'role', 'tags', 'scores', 'nickname', 'active', 'createdAt'],
    });
  });

  it('gives a numeric id the integer format and warns when there is no id', () => {
    assert.equal(specOf(parseSpecText('interface Order { id: number; total: number }')).crud?.idFormat, 'integer');
    const result = parseSpecText('type Note = { text: string }');
    assert.equal(specOf(result).crud?.idFormat, 'uuid');
    assertSomeLine(warningsOf(result), 'Note has no id field');
  });

  it('inlines nested object literals, interfaces and extended interfaces declared in the same text', () => {
    const text = `interface Address { city: string; /** @minLength 2 @maxLength 2 */ country: string }
interface Timestamps { updatedAt?: Date }
export interface CustomerDto extends Timestamps {
  id: number;
  name: string;
  address: Address;
  contact: { phone?: string; emails: string[] };
  lines: readonly { sku: string; qty: number }[];
}`;
    const spec = specOf(parseSpecText(text));
    assert.equal(spec.resource, 'customer');
    assert.deepEqual(spec.crud?.entity.properties?.address, {
      type: 'object',
      properties: { city: { type: 'string' }, country: { type: 'string', minLength: 2, maxLength: 2 } },
      required: ['city', 'country'],
    });
    assert.deepEqual(spec.crud?.entity.properties?.contact, { type: 'object', properties: { phone: { type: 'string' }, emails: { type: 'array', items: { type: 'string' } } }, required: ['emails'] });
    assert.deepEqual(spec.crud?.entity.properties?.lines?.items?.required, ['sku', 'qty']);
    assert.deepEqual(spec.crud?.entity.properties?.updatedAt, { type: 'string', format: 'date-time' });
    assert.deepEqual(spec.crud?.entity.required, ['name', 'address', 'contact', 'lines']);
  });

  it('refuses a method member, an index signature, unknown and unsupported types, naming each', () => {
    const text = `interface Account {
  id: string;
  save(): Promise<void>;
  [key: string]: unknown;
  owner: Person;
  data: Record<string, string>;
  mixed: string | number;
}`;
    const issues = issuesOf(parseSpecText(text), 'typescript');
    assertSomeLine(issues, 'Account', 'method save()', 'not supported');
    assertSomeLine(issues, 'Account', 'IndexSignature', 'not supported');
    assertSomeLine(issues, 'Account.owner', 'unknown type Person');
    assertSomeLine(issues, 'Account.data', 'unknown type Record<string, string>');
    assertSomeLine(issues, 'Account.mixed', 'not supported yet: the union string | number');
  });

  it('refuses malformed tags, recursion and syntax errors', () => {
    assertSomeLine(issuesOf(parseSpecText('interface A { /** @minLength eight */ name: string }')), 'A.name @minLength', 'expected a number');
    assertSomeLine(issuesOf(parseSpecText('interface A { /** @format phone */ tel: string }')), 'unknown format "phone"');
    assertSomeLine(issuesOf(parseSpecText('interface Node { id: string; parent: Node }')), 'recursive type Node → Node');
    assertSomeLine(issuesOf(parseSpecText('interface A { name: string;; age: }')), 'syntax error (line 1)');
    assertSomeLine(issuesOf(parseSpecText('type Id = string')), 'an entity must be an object type');
  });

  it('picks the top-level type and warns when several qualify', () => {
    const result = parseSpecText('interface Tag { label: string }\ninterface Post { id: string; tags: Tag[] }');
    assert.equal(specOf(result).resource, 'post');
    const two = parseSpecText('interface Cat { name: string }\ninterface Dog { name: string }');
    assert.equal(specOf(two).resource, 'cat');
    assertSomeLine(warningsOf(two), 'several top-level types (Cat, Dog)');
  });

  it('maps numeric literal unions to enums and warns about unknown tags', () => {
    const result = parseSpecText('interface Dice { /** @colour red */ face: 1 | 2 | 3 | 4 | 5 | 6; flag: true | false }');
    const entity = specOf(result).crud?.entity;
    assert.deepEqual(entity?.properties?.face, { type: 'number', enum: [1, 2, 3, 4, 5, 6] });
    assert.deepEqual(entity?.properties?.flag, { type: 'boolean' });
    assertSomeLine(warningsOf(result), 'Dice.face @colour', 'unknown tag');
  });

  it('reads the remaining tags: exclusive bounds, multipleOf, array sizes, uniqueItems, default, example, @type integer', () => {
    const text = `interface Cart {
  /**
   * @exclusiveMinimum 0
   * @exclusiveMaximum 100
   * @multipleOf 0.5
   * @default 1
   * @example 2.5
   */
  qty: number;
  /**
   * @minItems 1
   * @maxItems 3
   * @uniqueItems
   * @deprecated
   */
  codes: string[];
  /** @type integer @max 9 @min 1 */
  rank: number;
  /** @pattern /^[a-z]+$/ @default "abc" */
  slug: string;
}`;
    const entity = specOf(parseSpecText(text)).crud?.entity;
    assert.deepEqual(entity?.properties, {
      qty: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100, multipleOf: 0.5, default: 1, examples: [2.5] },
      codes: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
      rank: { type: 'integer', maximum: 9, minimum: 1 },
      slug: { type: 'string', pattern: '^[a-z]+$', default: 'abc' },
    });
  });

  it('lets the spec validation report an invalid pattern and min > max with their paths', () => {
    const issues = issuesOf(parseSpecText('interface Code { /** @pattern ([a-z */ value: string; /** @minLength 5 @maxLength 2 */ label: string }'), 'typescript');
    assertSomeLine(issues, 'crud.entity.properties.value.pattern', 'not a valid regular expression');
    assertSomeLine(issues, 'crud.entity.properties.label', 'minLength is greater than maxLength');
  });
});
