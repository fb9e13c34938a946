import { DEFAULT_PRICES, type ModelPrice, type PriceOverrides } from './prices';

/** How a model's price was found. `local` means the model runs on the user's machine: free. */
export interface PriceMatch {
  readonly price: ModelPrice;
  readonly source: 'override' | 'local' | 'default';
  /** The table key that matched (the model name itself for `local`). */
  readonly key: string;
}

const FREE: ModelPrice = Object.freeze({ input: 0, output: 0 });
/** Characters that separate name parts: `gpt-4o` matches `gpt-4o-2024-08-06`, not `gpt-4o1`. */
const SEPARATOR = /[-:@_/]/;

/**
 * The price of a model on a server. The user's overrides shadow the built-in estimates key by
 * key; the model is then matched exactly, else by the longest prefix (so overriding `gpt-4o`
 * reprices `gpt-4o-2024-08-06` but not `gpt-4o-mini`). A matching override always wins; otherwise
 * local servers and Ollama-style `name:tag` models are free, and the estimates apply. A
 * provider-qualified name (`openai/gpt-4o`) is also tried without its provider.
 * `undefined` when nothing matches: the cost is unknown, not zero.
 */
export function resolvePrice(model: string, baseUrl: string, overrides: PriceOverrides = {}): PriceMatch | undefined {
  const ownKeys = new Set(Object.keys(overrides).map((k) => k.toLowerCase()));
  const merged: Record<string, ModelPrice> = {};
  for (const [key, price] of [...Object.entries(DEFAULT_PRICES), ...Object.entries(overrides)]) {
    merged[key.toLowerCase()] = price;
  }
  const match = lookup(candidates(model), merged);
  if (match !== undefined && ownKeys.has(match.key)) {
    return { price: match.price, source: 'override', key: match.key };
  }
  if (isLocalServer(baseUrl) || isOllamaStyleName(model)) {
    return { price: FREE, source: 'local', key: model };
  }
  return match === undefined ? undefined : { price: match.price, source: 'default', key: match.key };
}

/** True for servers on this machine: localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0. */
export function isLocalServer(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Ollama names models `name:tag` (`qwen2.5-coder:7b`); OpenAI fine-tunes (`ft:…`) are not local. */
function isOllamaStyleName(model: string): boolean {
  return !model.startsWith('ft:') && /^[^/:\s]+:[\w.-]+$/.test(model);
}

function candidates(model: string): string[] {
  const name = model.trim().toLowerCase().replace(/^ft:/, '');
  const slash = name.lastIndexOf('/');
  return slash >= 0 && slash < name.length - 1 ? [name, name.slice(slash + 1)] : [name];
}

function lookup(names: readonly string[], table: Readonly<Record<string, ModelPrice>>): { key: string; price: ModelPrice } | undefined {
  const entries = Object.entries(table).map(([key, price]) => ({ key, lower: key.toLowerCase(), price }));
  for (const name of names) {
    const exact = entries.find((e) => e.lower === name);
    if (exact !== undefined) {
      return exact;
    }
    let best: (typeof entries)[number] | undefined;
    for (const entry of entries) {
      if (isPrefixAtBoundary(entry.lower, name) && entry.lower.length > (best?.lower.length ?? 0)) {
        best = entry;
      }
    }
    if (best !== undefined) {
      return best;
    }
  }
  return undefined;
}

/** `prefix` starts `name` and ends at a separator (in either): `my-team-` matches `my-team-coder`. */
function isPrefixAtBoundary(prefix: string, name: string): boolean {
  return name.startsWith(prefix) && (SEPARATOR.test(prefix.slice(-1)) || SEPARATOR.test(name.charAt(prefix.length)));
}
