import assert from 'node:assert/strict';
import { exampleValue } from '../../../../src/core/codegen/shared/exampleValue';
import { failingCases, nonMatching } from '../../../../src/core/codegen/shared/failingCases';
import { patternExample } from '../../../../src/core/codegen/shared/patternExample';
import { RoutecraftError } from '../../../../src/core/errors';
import type { JsonSchema } from '../../../../src/core/endpointSpec';

const matches = (pattern: string, value: unknown): boolean => typeof value === 'string' && new RegExp(pattern, 'u').test(value);

describe('codegen: example values from patterns', () => {
  // The patterns of issue 8 (no `examples`), a password rule with lookaheads, a pattern without
  // anchors, and Unicode written as escapes, property escapes and ranges.
  const patterns = [
    '^[A-Z]{3}-[0-9]{4}$',
    '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    '^\\+[1-9][0-9]{7,14}$',
    '^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^A-Za-z0-9]).{8,64}$',
    '^(?!admin$)[a-z]{5}$',
    '[A-Z]{3}\\d',
    '^\\p{Lu}\\p{Ll}+$',
    '^[\\u4e00-\\u9fa5]{2,4}$',
    '^[\\p{Script=Greek}]{3}$',
    '^caf\\u00e9-\\d{2}$',
  ];

  for (const pattern of patterns) {
    it(`produces a matching string for /${pattern}/, the same on every call`, () => {
      const value = patternExample(pattern);
      assert.ok(matches(pattern, value), `${String(value)} does not match /${pattern}/`);
      assert.equal(patternExample(pattern), value);
    });
  }

  it('gives the example of a property with such a pattern instead of refusing', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' }, opensAt: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } },
    };
    const value = exampleValue(schema) as Record<string, unknown>;
    assert.ok(matches('^[A-Z]{3}-[0-9]{4}$', value.sku));
    assert.ok(matches('^([01][0-9]|2[0-3]):[0-5][0-9]$', value.opensAt));
  });

  it('respects minLength and maxLength', () => {
    const value = exampleValue({ type: 'string', pattern: '^[a-z]+$', minLength: 20, maxLength: 24 });
    assert.ok(matches('^[a-z]{20,24}$', value), String(value));
  });

  it('gives distinct matching values for uniqueItems', () => {
    const value = exampleValue({ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' } }) as string[];
    assert.equal(value.length, 3);
    assert.equal(new Set(value).size, 3);
    assert.ok(value.every((v) => matches('^[A-Z]{3}-[0-9]{4}$', v)));
  });

  it('keeps a readable candidate when one matches', () => {
    assert.equal(exampleValue({ type: 'string', pattern: '^[a-z]+$' }), 'example');
  });

  it('refuses, naming the property, when no string can be produced', () => {
    const impossible: JsonSchema = { type: 'object', properties: { code: { type: 'string', pattern: '^a{5}$', maxLength: 3 } } };
    assert.throws(() => exampleValue(impossible), (error: unknown) =>
      error instanceof RoutecraftError && error.message.includes('"code"') && error.message.includes('/^a{5}$/') && error.message.includes('examples'));
    assert.throws(() => exampleValue({ type: 'string', pattern: '^[a-' }, 'body.broken'), (error: unknown) =>
      error instanceof RoutecraftError && error.message.includes('"body.broken"') && error.message.includes('not a valid regular expression'));
  });

  describe('failing cases for a pattern', () => {
    for (const pattern of patterns) {
      it(`/${pattern}/: the "does not match" value really does not match`, () => {
        const schema: JsonSchema = { type: 'object', required: ['v'], properties: { v: { type: 'string', pattern } } };
        const example = exampleValue(schema) as Record<string, unknown>;
        const failing = failingCases(schema, 'body', example).find((c) => c.title.includes('does not match'));
        assert.ok(failing, 'no pattern case');
        assert.equal(matches(pattern, (failing.value as Record<string, unknown>).v), false);
      });
    }

    it('breaks only the pattern: the bad value keeps minLength and maxLength', () => {
      const bounds = { minLength: 8, maxLength: 72 };
      const bad = nonMatching(bounds, '^(?=.*[a-z])(?=.*[A-Z]).+$');
      assert.ok(bad !== undefined && bad.length >= 8 && bad.length <= 72, String(bad));
      assert.equal(matches('^(?=.*[a-z])(?=.*[A-Z]).+$', bad), false);
    });

    it('adds no case for a pattern that every string matches', () => {
      const schema: JsonSchema = { type: 'object', properties: { v: { type: 'string', pattern: '^[\\s\\S]*$' } } };
      assert.equal(failingCases(schema, 'body', { v: 'x' }).some((c) => c.title.includes('does not match')), false);
    });
  });
});
