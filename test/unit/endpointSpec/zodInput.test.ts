import assert from 'node:assert/strict';
import { parseSpecText } from '../../../src/core/endpointSpec/inputs';
import { assertSomeLine, issuesOf, specOf, warningsOf } from './specAssertions';

describe('parseSpecText: zod schemas (read, never run)', () => {
  it('turns a zod object into a CRUD spec, constraint by constraint', () => {
    const text = `import { z } from 'zod';
export const ProductSchema = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(120).trim(),
  sku: z.string().regex(/^[A-Z]{3}-\\d{4}$/),
  email: z.string().email(),
  site: z.string().url().optional(),
  launch: z.string().datetime(),
  price: z.number().positive().max(10000),
  stock: z.number().int().nonnegative().lt(1000),
  discount: z.number().gt(0).lte(0.9).multipleOf(0.05).nullable(),
  active: z.boolean().default(true),
  category: z.enum(['tools', 'garden']),
  tags: z.array(z.string().min(2)).min(1).max(5),
  sizes: z.number().array().nonempty(),
  contact: z.object({ phone: z.string().length(10), note: z.string().nullish() }).strict(),
  owner: z.email().describe('Who owns it'),
  ref: z.uuid(),
});
export type Product = z.infer<typeof ProductSchema>;`;
    const result = parseSpecText(text);
    const spec = specOf(result, 'zod');
    assert.equal(spec.resource, 'product');
    assert.equal(spec.crud?.idFormat, 'uuid');
    assert.deepEqual(spec.crud?.entity, {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
        email: { type: 'string', format: 'email' },
        site: { type: 'string', format: 'uri' },
        launch: { type: 'string', format: 'date-time' },
        price: { type: 'number', exclusiveMinimum: 0, maximum: 10000 },
        stock: { type: 'integer', minimum: 0, exclusiveMaximum: 1000 },
        discount: { type: 'number', exclusiveMinimum: 0, maximum: 0.9, multipleOf: 0.05, nullable: true },
        active: { type: 'boolean', default: true },
        category: { type: 'string', enum: ['tools', 'garden'] },
        tags: { type: 'array', items: { type: 'string', minLength: 2 }, minItems: 1, maxItems: 5 },
        sizes: { type: 'array', items: { type: 'number' }, minItems: 1 },
        contact: { type: 'object', properties: { phone: { type: 'string', minLength: 10, maxLength: 10 }, note: { type: 'string', nullable: true } }, required: ['phone'], additionalProperties: false },
        owner: { type: 'string', format: 'email', description: 'Who owns it' },
        ref: { type: 'string', format: 'uuid' },
      },
      required: ['name', 'sku', 'email', 'launch', 'price', 'stock', 'discount', 'category', 'tags', 'sizes', 'contact', 'owner', 'ref'],
    });
    assertSomeLine(warningsOf(result), 'ProductSchema.name', '.trim() is a transform');
  });

  it('resolves other schemas declared in the text, z.coerce, z.int and z.literal', () => {
    const text = `const Address = z.object({ city: z.string() });
const Customer = z.object({
  id: z.coerce.number().int(),
  address: Address,
  billing: Address.optional(),
  level: z.literal('gold'),
  visits: z.int().min(0),
});`;
    const spec = specOf(parseSpecText(text), 'zod');
    assert.equal(spec.resource, 'customer');
    assert.equal(spec.crud?.idFormat, 'integer');
    const entity = spec.crud?.entity;
    assert.deepEqual(entity?.properties?.address, { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
    assert.deepEqual(entity?.properties?.level, { type: 'string', enum: ['gold'] });
    assert.deepEqual(entity?.properties?.visits, { type: 'integer', minimum: 0 });
    assert.deepEqual(entity?.required, ['address', 'level', 'visits']);
  });

  it('names every unknown call and unsupported construct', () => {
    const text = `const Order = z.object({
  id: z.string(),
  code: z.string().startsWith('OR'),
  total: z.number().transform((n) => n * 100),
  when: z.date(),
  kind: z.string().or(z.number()),
  tag: z.string().regex(/abc/i),
  size: z.boolean().min(2),
  limit: z.number().max(LIMIT),
  ...Base.shape,
});`;
    const issues = issuesOf(parseSpecText(text), 'zod');
    assertSomeLine(issues, 'Order.code', 'unknown zod call .startsWith()');
    assertSomeLine(issues, 'Order.total', 'not supported yet: .transform(...)');
    assertSomeLine(issues, 'Order.when', 'unknown zod call z.date()');
    assertSomeLine(issues, 'Order.kind', 'not supported yet: .or(...)');
    assertSomeLine(issues, 'Order.tag', 'regex flags "i"');
    assertSomeLine(issues, 'Order.size', '.min() does not apply to boolean');
    assertSomeLine(issues, 'Order.limit', '.max(...) needs a number literal');
    assertSomeLine(issues, 'Order', '...Base.shape');
  });

  it('refuses a recursive schema, a non-object root, an unknown identifier and syntax errors', () => {
    assertSomeLine(issuesOf(parseSpecText('const Cat = z.object({ name: z.string(), friend: Cat })')), 'recursive schema Cat → Cat');
    assertSomeLine(issuesOf(parseSpecText('const Name = z.string();\nconst Thing = z.object({ name: Name.min(2), other: Missing })')), 'Thing.other', 'not a zod schema');
    assertSomeLine(issuesOf(parseSpecText('const Thing = z.object({ name: z.string( })')), 'syntax error');
    assertSomeLine(issuesOf(parseSpecText('const Item = z.object({ a: z.string() });\nconst Items = z.array(Item);')), 'Items: an entity must be a z.object');
  });

  it('does not evaluate anything', () => {
    const text = "const Evil = z.object({ name: z.string().default((() => { throw new Error('ran'); })()) })";
    const result = parseSpecText(text);
    assert.equal('default' in (specOf(result).crud?.entity.properties?.name ?? {}), false);
    assertSomeLine(warningsOf(result), 'Evil.name', '.default(...) is not a literal');
  });
});
