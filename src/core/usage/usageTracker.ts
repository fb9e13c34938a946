import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { costOf, formatCost, formatTokens, plural } from './formatUsage';
import { PRICES_NOTE, type PriceOverrides } from './prices';
import { resolvePrice, type PriceMatch } from './resolvePrice';

/** One LLM call as the usage tracker sees it. */
export interface UsageCall {
  readonly model: string;
  readonly baseUrl: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The counts come from a local tokenizer, not from the server. */
  readonly estimated: boolean;
  /** Answered from the response cache: nothing was spent; the tokens count as saved. */
  readonly cached: boolean;
}

/** Sums over calls. Costs are USD estimates (see `PRICES_NOTE`). */
export interface UsageTotals {
  /** Calls that reached a server. */
  readonly calls: number;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly cost: number;
  readonly cacheHits: number;
  /** Tokens (in + out) that cache hits did not spend. */
  readonly savedTokens: number;
  readonly savedCost: number;
  /** Some counts were estimated with a tokenizer. */
  readonly estimated: boolean;
  /** Models without a known price (their calls count tokens but no cost). */
  readonly unpricedModels: readonly string[];
}

/** A per-model row for a tooltip. */
export interface ModelUsage extends UsageTotals {
  readonly model: string;
  /** `undefined` when the model has no known price. */
  readonly price: PriceMatch | undefined;
}

export interface UsageTrackerOptions {
  readonly overrides?: PriceOverrides;
  readonly logger?: Logger;
}

/** Raw counts per model and server; costs are derived from `price` when read. */
interface Bucket {
  calls: number;
  tokensIn: number;
  tokensOut: number;
  cacheHits: number;
  savedIn: number;
  savedOut: number;
  estimated: boolean;
  price: PriceMatch | undefined;
}

/**
 * Tokens and estimated cost of one session (an extension activation, a CLI run). `record` each
 * call; listeners (a status bar) hear every change; `summaryLine()` and `tooltip()` format it.
 */
export class UsageTracker {
  private readonly byModelKey = new Map<string, Bucket>();
  private readonly listeners = new Set<(totals: UsageTotals) => void>();
  private readonly logger: Logger;
  private overrides: PriceOverrides;

  constructor(options: UsageTrackerOptions = {}) {
    this.overrides = options.overrides ?? {};
    this.logger = options.logger ?? silentLogger;
  }

  /** Adds a call and returns the new totals. */
  record(call: UsageCall): UsageTotals {
    const tokensIn = nonNegative(call.promptTokens);
    const tokensOut = nonNegative(call.completionTokens);
    const key = `${call.model}\u0000${call.baseUrl}`;
    let bucket = this.byModelKey.get(key);
    if (bucket === undefined) {
      bucket = { calls: 0, tokensIn: 0, tokensOut: 0, cacheHits: 0, savedIn: 0, savedOut: 0, estimated: false, price: resolvePrice(call.model, call.baseUrl, this.overrides) };
      this.byModelKey.set(key, bucket);
    }
    if (call.cached) {
      bucket.cacheHits++;
      bucket.savedIn += tokensIn;
      bucket.savedOut += tokensOut;
    } else {
      bucket.calls++;
      bucket.tokensIn += tokensIn;
      bucket.tokensOut += tokensOut;
      bucket.estimated ||= call.estimated;
    }
    const totals = this.totals();
    this.emit(totals);
    return totals;
  }

  totals(): UsageTotals {
    return sum(this.byModel());
  }

  /** Usage per model name (servers merged), most expensive first. */
  byModel(): ModelUsage[] {
    const rows = new Map<string, ModelUsage>();
    for (const [key, bucket] of this.byModelKey) {
      const model = key.slice(0, key.indexOf('\u0000'));
      const row = toRow(model, bucket);
      const previous = rows.get(model);
      rows.set(model, previous === undefined ? row : { ...sum([previous, row]), model, price: previous.price ?? row.price });
    }
    return [...rows.values()].sort((a, b) => b.cost - a.cost || a.model.localeCompare(b.model));
  }

  /** Listens to every change; returns a disposable (the VS Code `Disposable` shape). */
  onDidChange(listener: (totals: UsageTotals) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** New prices (the setting changed). Past calls are re-priced. */
  setOverrides(overrides: PriceOverrides): void {
    this.overrides = overrides;
    for (const [key, bucket] of this.byModelKey) {
      const [model = '', baseUrl = ''] = key.split('\u0000');
      bucket.price = resolvePrice(model, baseUrl, overrides);
    }
    this.emit(this.totals());
  }

  reset(): void {
    this.byModelKey.clear();
    this.emit(this.totals());
  }

  /** E.g. `3 calls, 1,234 tokens in / 567 out, ≈ $0.0021; cache saved 800 tokens ≈ $0.0010`. */
  summaryLine(): string {
    const t = this.totals();
    if (t.calls === 0 && t.cacheHits === 0) {
      return 'No LLM calls.';
    }
    let line = `${plural(t.calls, 'call')}, ${formatTokens(t.tokensIn)} tokens in / ${formatTokens(t.tokensOut)} out${t.estimated ? ' (partly estimated)' : ''}, ≈ ${formatCost(t.cost)}`;
    if (t.unpricedModels.length > 0) {
      line += ` (no price for ${t.unpricedModels.join(', ')})`;
    }
    if (t.cacheHits > 0) {
      line += `; cache saved ${formatTokens(t.savedTokens)} tokens ≈ ${formatCost(t.savedCost)}`;
    }
    return line;
  }

  /** A multi-line breakdown per model for a status bar tooltip, ending with the price note. */
  tooltip(): string {
    const lines = this.byModel().map((m) => {
      const price = m.price === undefined ? 'no price' : m.price.source === 'local' ? 'local, free' : `$${m.price.price.input}/$${m.price.price.output} per 1M`;
      const saved = m.cacheHits > 0 ? `; ${plural(m.cacheHits, 'cache hit')} saved ${formatTokens(m.savedTokens)} tokens ≈ ${formatCost(m.savedCost)}` : '';
      return `${m.model} (${price}): ${plural(m.calls, 'call')}, ${formatTokens(m.tokensIn)} in / ${formatTokens(m.tokensOut)} out, ≈ ${formatCost(m.cost)}${saved}`;
    });
    return [this.summaryLine(), ...lines, PRICES_NOTE].join('\n');
  }

  private emit(totals: UsageTotals): void {
    for (const listener of this.listeners) {
      try {
        listener(totals);
      } catch (error) {
        this.logger.warn(`Usage listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

function toRow(model: string, b: Bucket): ModelUsage {
  const price = b.price?.price;
  return {
    model,
    price: b.price,
    calls: b.calls,
    tokensIn: b.tokensIn,
    tokensOut: b.tokensOut,
    cost: price === undefined ? 0 : costOf(price, b.tokensIn, b.tokensOut),
    cacheHits: b.cacheHits,
    savedTokens: b.savedIn + b.savedOut,
    savedCost: price === undefined ? 0 : costOf(price, b.savedIn, b.savedOut),
    estimated: b.estimated,
    unpricedModels: b.price === undefined ? [model] : [],
  };
}

function sum(rows: readonly UsageTotals[]): UsageTotals {
  const unpriced = new Set<string>();
  const total = { calls: 0, tokensIn: 0, tokensOut: 0, cost: 0, cacheHits: 0, savedTokens: 0, savedCost: 0, estimated: false };
  for (const r of rows) {
    total.calls += r.calls;
    total.tokensIn += r.tokensIn;
    total.tokensOut += r.tokensOut;
    total.cost += r.cost;
    total.cacheHits += r.cacheHits;
    total.savedTokens += r.savedTokens;
    total.savedCost += r.savedCost;
    total.estimated ||= r.estimated;
    r.unpricedModels.forEach((m) => unpriced.add(m));
  }
  return { ...total, unpricedModels: [...unpriced] };
}
