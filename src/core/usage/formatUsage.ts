import type { ModelPrice } from './prices';

/** `1234` → `1,234` (fixed locale: output must not depend on the machine). */
export function formatTokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `$0`, `<$0.0001`, `$0.0021` below a dollar, `$12.35` above. */
export function formatCost(usd: number): string {
  if (usd === 0) {
    return '$0';
  }
  if (usd < 0.0001) {
    return '<$0.0001';
  }
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** USD for the given token counts at a price per 1M tokens. */
export function costOf(price: ModelPrice, tokensIn: number, tokensOut: number): number {
  return (tokensIn * price.input + tokensOut * price.output) / 1_000_000;
}

/** `1 call` / `3 calls`. */
export function plural(n: number, word: string): string {
  return `${formatTokens(n)} ${word}${n === 1 ? '' : 's'}`;
}
