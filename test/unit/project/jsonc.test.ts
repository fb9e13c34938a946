import assert from 'node:assert/strict';
import { asRecord, parseJsonc } from '../../../src/core/project/jsonc';

describe('parseJsonc', () => {
  it('reads comments and trailing commas, as tsconfig files have them', () => {
    const text = '\uFEFF{\n  // a comment\n  "compilerOptions": { "strict": true, /* inline */ "types": ["node",], },\n}\n';
    assert.deepEqual(parseJsonc(text), { compilerOptions: { strict: true, types: ['node'] } });
  });

  it('leaves strings alone: commas, brackets and comment markers inside them are text', () => {
    assert.deepEqual(parseJsonc('{"pattern": "a, ]", "url": "http://x//y", "glob": "src/**/*.ts", "c": "/* no */"}'), {
      pattern: 'a, ]', url: 'http://x//y', glob: 'src/**/*.ts', c: '/* no */',
    });
  });

  it('keeps escaped quotes inside strings', () => {
    assert.deepEqual(parseJsonc('{"q": "say \\"hi\\", ok", }'), { q: 'say "hi", ok' });
  });

  it('is undefined for text that is not JSON even with comments allowed', () => {
    assert.equal(parseJsonc('{"a": }'), undefined);
    assert.equal(parseJsonc('{"a": 1'), undefined);
    assert.equal(parseJsonc('module.exports = {}'), undefined);
  });

  it('asRecord accepts plain objects only', () => {
    assert.deepEqual(asRecord({ a: 1 }), { a: 1 });
    assert.equal(asRecord([1]), undefined);
    assert.equal(asRecord(null), undefined);
  });
});
