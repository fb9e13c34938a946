import assert from 'node:assert/strict';
import { cacheKey, type CacheKeyInput } from '../../../src/core/cache/cacheKey';
import { canonicalJson } from '../../../src/core/cache/canonicalJson';

const base: CacheKeyInput = {
  baseUrl: 'https://api.example.com/v1',
  model: 'gpt-4.1-mini',
  messages: [
    { role: 'system', content: 'You explain code.' },
    { role: 'user', content: 'Explain [redacted]' },
  ],
  temperature: 0.2,
  maxTokens: 800,
  purpose: 'explain',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: undefined } }), '{"a":{"d":[2,{"z":1}]},"b":1}');
  });

  it('keeps array order', () => {
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });
});

describe('cacheKey', () => {
  it('is a 64-character hex sha256, stable across key order', () => {
    const key = cacheKey(base);
    assert.match(key, /^[0-9a-f]{64}$/);
    const reordered = { purpose: 'explain', maxTokens: 800, temperature: 0.2, messages: base.messages.map((m) => ({ content: m.content, role: m.role })), model: base.model, baseUrl: base.baseUrl } as CacheKeyInput;
    assert.equal(cacheKey(reordered), key);
  });

  it('ignores a trailing slash and user info in the base URL', () => {
    assert.equal(cacheKey({ ...base, baseUrl: 'https://user:secret@api.example.com/v1/' }), cacheKey(base));
  });

  it('changes with server, model, messages, temperature, max tokens, purpose and format', () => {
    const variants: Partial<CacheKeyInput>[] = [
      { baseUrl: 'http://localhost:11434/v1' },
      { model: 'gpt-4.1' },
      { messages: [{ role: 'user', content: 'Explain [redacted]!' }] },
      { temperature: 0 },
      { maxTokens: 801 },
      { purpose: 'endpoint' },
      { format: 'endpoint-spec@2' },
    ];
    const keys = new Set([cacheKey(base), ...variants.map((v) => cacheKey({ ...base, ...v }))]);
    assert.equal(keys.size, variants.length + 1);
  });
});
