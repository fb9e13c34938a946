import assert from 'node:assert/strict';
import { costOf, formatCost, formatTokens } from '../../../src/core/usage/formatUsage';
import { DEFAULT_PRICES, PriceOverridesSchema } from '../../../src/core/usage/prices';
import { isLocalServer, resolvePrice } from '../../../src/core/usage/resolvePrice';

const OPENAI = 'https://api.openai.com/v1';

describe('resolvePrice', () => {
  it('has defaults for the common models', () => {
    for (const model of ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'o4-mini', 'deepseek-chat', 'deepseek-reasoner', 'qwen-plus', 'qwen-max']) {
      assert.equal(resolvePrice(model, OPENAI)?.source, 'default', model);
      assert.deepEqual(resolvePrice(model, OPENAI)?.price, DEFAULT_PRICES[model]);
    }
  });

  it('matches exactly first, then by the longest prefix at a name boundary', () => {
    assert.equal(resolvePrice('gpt-4o-mini', OPENAI)?.key, 'gpt-4o-mini');
    assert.equal(resolvePrice('gpt-4o-mini-2024-07-18', OPENAI)?.key, 'gpt-4o-mini');
    assert.equal(resolvePrice('gpt-4o-2024-08-06', OPENAI)?.key, 'gpt-4o');
    assert.equal(resolvePrice('GPT-4.1-Mini', OPENAI)?.key, 'gpt-4.1-mini');
    assert.equal(resolvePrice('claude-sonnet-4-20250514', OPENAI)?.key, 'claude-sonnet-4');
    assert.equal(resolvePrice('gpt-4o1', OPENAI), undefined, 'no match inside a word');
    assert.equal(resolvePrice('mystery-model', OPENAI), undefined);
  });

  it('tries a provider-qualified name without its provider', () => {
    assert.equal(resolvePrice('openai/gpt-4.1-mini', 'https://openrouter.ai/api/v1')?.key, 'gpt-4.1-mini');
  });

  it('prices local servers and Ollama-style names at zero', () => {
    assert.deepEqual(resolvePrice('gpt-4o', 'http://localhost:1234/v1'), { price: { input: 0, output: 0 }, source: 'local', key: 'gpt-4o' });
    for (const url of ['http://127.0.0.1:11434/v1', 'http://[::1]:8000/v1', 'http://0.0.0.0:8080', 'http://ollama.localhost/v1']) {
      assert.equal(resolvePrice('llama3', url)?.source, 'local', url);
    }
    assert.equal(resolvePrice('qwen2.5-coder:7b', 'https://ollama.internal.example/v1')?.source, 'local');
    assert.equal(resolvePrice('ft:gpt-4o-mini-2024-07-18:acme::abc123', OPENAI)?.key, 'gpt-4o-mini');
  });

  it('lets user overrides win, by exact name or prefix, even on localhost', () => {
    const overrides = PriceOverridesSchema.parse({ 'gpt-4o': { input: 1, output: 2 }, 'my-team-': { input: 0.5, output: 0.5 } });
    assert.deepEqual(resolvePrice('gpt-4o', OPENAI, overrides), { price: { input: 1, output: 2 }, source: 'override', key: 'gpt-4o' });
    assert.equal(resolvePrice('gpt-4o-2024-08-06', OPENAI, overrides)?.source, 'override');
    assert.equal(resolvePrice('gpt-4o-mini', OPENAI, overrides)?.source, 'default', 'an exact default beats a shorter override prefix');
    assert.equal(resolvePrice('my-team-coder', 'http://localhost:8000/v1', overrides)?.source, 'override');
    assert.equal(resolvePrice('mystery', 'http://localhost:8000/v1', overrides)?.source, 'local');
  });

  it('validates an override map from settings', () => {
    assert.equal(PriceOverridesSchema.safeParse({ m: { input: -1, output: 1 } }).success, false);
    assert.equal(PriceOverridesSchema.safeParse({ m: { input: 1 } }).success, false);
  });

  it('isLocalServer is false for remote and unparseable URLs', () => {
    assert.equal(isLocalServer(OPENAI), false);
    assert.equal(isLocalServer('localhost'), false);
    assert.equal(isLocalServer('http://127.0.0.1.example.com'), false);
  });
});

describe('cost arithmetic and formatting', () => {
  it('prices per million tokens', () => {
    assert.equal(costOf({ input: 0.4, output: 1.6 }, 1_000_000, 0), 0.4);
    assert.ok(Math.abs(costOf({ input: 0.4, output: 1.6 }, 1234, 567) - 0.0014008) < 1e-12);
  });

  it('formats costs and token counts', () => {
    assert.equal(formatCost(0), '$0');
    assert.equal(formatCost(0.00002), '<$0.0001');
    assert.equal(formatCost(0.0021), '$0.0021');
    assert.equal(formatCost(12.345), '$12.35');
    assert.equal(formatTokens(1234567), '1,234,567');
  });
});
