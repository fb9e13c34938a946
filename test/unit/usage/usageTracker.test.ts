import assert from 'node:assert/strict';
import type { UsageCall, UsageTotals } from '../../../src/core/usage/usageTracker';
import { UsageTracker } from '../../../src/core/usage/usageTracker';

const OPENAI = 'https://api.openai.com/v1';
const call = (overrides: Partial<UsageCall> = {}): UsageCall => ({
  model: 'gpt-4.1-mini',
  baseUrl: OPENAI,
  promptTokens: 1000,
  completionTokens: 500,
  estimated: false,
  cached: false,
  ...overrides,
});
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('UsageTracker', () => {
  it('starts empty', () => {
    const tracker = new UsageTracker();
    assert.equal(tracker.summaryLine(), 'No LLM calls.');
    assert.deepEqual(tracker.totals(), { calls: 0, tokensIn: 0, tokensOut: 0, cost: 0, cacheHits: 0, savedTokens: 0, savedCost: 0, estimated: false, unpricedModels: [] });
  });

  it('adds calls, tokens and cost (gpt-4.1-mini: $0.40 in / $1.60 out per 1M)', () => {
    const tracker = new UsageTracker();
    tracker.record(call());
    const totals = tracker.record(call({ promptTokens: 234, completionTokens: 67 }));
    assert.equal(totals.calls, 2);
    assert.equal(totals.tokensIn, 1234);
    assert.equal(totals.tokensOut, 567);
    near(totals.cost, (1234 * 0.4 + 567 * 1.6) / 1e6);
    assert.equal(tracker.summaryLine(), '2 calls, 1,234 tokens in / 567 out, ≈ $0.0014');
  });

  it('counts cache hits separately, as saved tokens and saved cost', () => {
    const tracker = new UsageTracker();
    tracker.record(call());
    const totals = tracker.record(call({ cached: true, promptTokens: 600, completionTokens: 200 }));
    assert.equal(totals.calls, 1);
    assert.equal(totals.tokensIn, 1000);
    assert.equal(totals.cacheHits, 1);
    assert.equal(totals.savedTokens, 800);
    near(totals.savedCost, (600 * 0.4 + 200 * 1.6) / 1e6);
    assert.equal(tracker.summaryLine(), '1 call, 1,000 tokens in / 500 out, ≈ $0.0012; cache saved 800 tokens ≈ $0.0006');
  });

  it('local models cost nothing', () => {
    const tracker = new UsageTracker();
    tracker.record(call({ model: 'qwen2.5-coder:7b', baseUrl: 'http://localhost:11434/v1', promptTokens: 50_000, completionTokens: 9_000 }));
    assert.equal(tracker.totals().cost, 0);
    assert.equal(tracker.summaryLine(), '1 call, 50,000 tokens in / 9,000 out, ≈ $0');
  });

  it('flags estimated counts and unknown prices', () => {
    const tracker = new UsageTracker();
    tracker.record(call({ estimated: true }));
    tracker.record(call({ model: 'mystery-model', baseUrl: 'https://llm.example.com/v1' }));
    const totals = tracker.totals();
    assert.equal(totals.estimated, true);
    assert.deepEqual(totals.unpricedModels, ['mystery-model']);
    assert.match(tracker.summaryLine(), /^2 calls, 2,000 tokens in \/ 1,000 out \(partly estimated\), ≈ \$0\.0012 \(no price for mystery-model\)$/);
  });

  it('applies user overrides, and re-prices past calls when they change', () => {
    const tracker = new UsageTracker({ overrides: { 'gpt-4.1-mini': { input: 1, output: 1 } } });
    tracker.record(call());
    near(tracker.totals().cost, 1500 / 1e6);
    tracker.setOverrides({});
    near(tracker.totals().cost, (1000 * 0.4 + 500 * 1.6) / 1e6);
  });

  it('breaks usage down per model, most expensive first, with a tooltip', () => {
    const tracker = new UsageTracker();
    tracker.record(call({ model: 'gpt-4o-mini' }));
    tracker.record(call({ model: 'gpt-4.1' }));
    tracker.record(call({ model: 'gpt-4.1', cached: true }));
    tracker.record(call({ model: 'llama3.1:8b', baseUrl: 'http://127.0.0.1:11434/v1' }));
    const rows = tracker.byModel();
    assert.deepEqual(rows.map((r) => r.model), ['gpt-4.1', 'gpt-4o-mini', 'llama3.1:8b']);
    near(rows[0]!.cost, (1000 * 2 + 500 * 8) / 1e6);
    assert.equal(rows[0]!.cacheHits, 1);
    assert.deepEqual(tracker.tooltip().split('\n'), [
      '3 calls, 3,000 tokens in / 1,500 out, ≈ $0.0065; cache saved 1,500 tokens ≈ $0.0060',
      'gpt-4.1 ($2/$8 per 1M): 1 call, 1,000 in / 500 out, ≈ $0.0060; 1 cache hit saved 1,500 tokens ≈ $0.0060',
      'gpt-4o-mini ($0.15/$0.6 per 1M): 1 call, 1,000 in / 500 out, ≈ $0.0004',
      'llama3.1:8b (local, free): 1 call, 1,000 in / 500 out, ≈ $0',
      'Costs are estimates from built-in list prices; override them in settings.',
    ]);
  });

  it('tells listeners about every change, until disposed', () => {
    const tracker = new UsageTracker();
    const seen: UsageTotals[] = [];
    const subscription = tracker.onDidChange((t) => seen.push(t));
    tracker.record(call());
    tracker.record(call({ cached: true }));
    subscription.dispose();
    tracker.record(call());
    assert.deepEqual(seen.map((t) => [t.calls, t.cacheHits]), [[1, 0], [1, 1]]);
  });

  it('a failing listener does not break recording or other listeners', () => {
    const warnings: string[] = [];
    const tracker = new UsageTracker({ logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined } });
    let calls = 0;
    tracker.onDidChange(() => {
      throw new Error('status bar gone');
    });
    tracker.onDidChange(() => calls++);
    assert.equal(tracker.record(call()).calls, 1);
    assert.equal(calls, 1);
    assert.deepEqual(warnings, ['Usage listener failed: status bar gone']);
  });

  it('ignores negative or non-finite token counts', () => {
    const tracker = new UsageTracker();
    const totals = tracker.record(call({ promptTokens: -5, completionTokens: Number.NaN }));
    assert.equal(totals.tokensIn, 0);
    assert.equal(totals.tokensOut, 0);
    assert.equal(totals.calls, 1);
  });
});
