import RandExp from 'randexp';

/** Length limits a generated string must also respect (JSON Schema `minLength` / `maxLength`). */
export interface LengthBounds {
  readonly minLength?: number;
  readonly maxLength?: number;
}

/**
 * Character pools tried in order for `.`, negated sets and classes like `\w`: letters and digits
 * first (readable values), then printable ASCII (symbols that password rules ask for), then most of
 * Unicode (patterns written with non-Latin ranges). Each is [from, to] code point pairs.
 */
const POOLS: readonly (readonly (readonly [number, number])[])[] = [
  [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  [[0x20, 0x7e]],
  [[0x20, 0x7e], [0xa0, 0xd7ff], [0xe000, 0xfffd], [0x10000, 0x10ffff]],
];

/** Tries per pool; every try is checked against the RegExp itself, so a miss only costs time. */
const TRIES_PER_POOL = 25;
/** Misses after which a narrower pool gives way to the next one. */
const EARLY_TRIES = 8;

/**
 * Unicode property escapes (`\p{L}`) that the generator's parser does not know, replaced by a
 * subset of what they match (the RegExp check still judges the result). `inClass` tells whether
 * the escape stands inside `[...]`.
 */
const PROPERTY_SUBSETS: Readonly<Record<string, string>> = {
  L: 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6', Letter: 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6',
  Lu: 'A-Z\\u00C0-\\u00D6', Uppercase_Letter: 'A-Z\\u00C0-\\u00D6', Ll: 'a-z\\u00DF-\\u00F6', Lowercase_Letter: 'a-z\\u00DF-\\u00F6',
  N: '0-9', Nd: '0-9', Number: '0-9', Decimal_Number: '0-9',
  P: '!-#%-*,-/:;?@\\[-\\]_{}', Punctuation: '!-#%-*,-/:;?@\\[-\\]_{}',
  'Script=Latin': 'A-Za-z', 'sc=Latin': 'A-Za-z', 'Script=Greek': '\\u0391-\\u03A9\\u03B1-\\u03C9', 'Script=Cyrillic': '\\u0410-\\u044F',
  'Script=Han': '\\u4E00-\\u9FA5', 'sc=Han': '\\u4E00-\\u9FA5',
};

/** Rewrites what the generator cannot parse (`\p{…}`, `\uXXXX`, `\u{…}`, `\xHH`) into equivalents or subsets it can. */
function generatorSource(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      const braced = /^\{([^}]*)\}/.exec(pattern.slice(i + 2));
      if ((next === 'p' || next === 'P') && braced) {
        const subset = next === 'p' ? PROPERTY_SUBSETS[braced[1]!] : undefined;
        out += subset === undefined ? `\\${next}{${braced[1]!}}` : inClass ? subset : `[${subset}]`;
        i += 1 + braced[0].length;
        continue;
      }
      const hex = next === 'u' ? (braced && /^[0-9a-fA-F]{1,6}$/.test(braced[1]!) ? braced[1]! : /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2))?.[0])
        : next === 'x' ? /^[0-9a-fA-F]{2}/.exec(pattern.slice(i + 2))?.[0] : undefined;
      if (hex !== undefined) {
        // The parser reads `\uXXXX` as letters: write the character itself (escaped when special).
        const char = String.fromCodePoint(Number.parseInt(hex, 16));
        out += /[\\\]\[^$.|?*+(){}-]/.test(char) ? `\\${char}` : char;
        i += 1 + (braced && next === 'u' && braced[1] === hex ? braced[0].length : hex.length);
        continue;
      }
      out += c + next;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
    } else if (c === ']') {
      inClass = false;
    }
    out += c;
  }
  return out;
}

/** A small seeded generator (mulberry32): the same pattern always gives the same strings. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

function lengthFits(value: string, bounds: LengthBounds): boolean {
  // JSON Schema counts code points, as the validators do.
  const length = Array.from(value).length;
  return length >= (bounds.minLength ?? 0) && length <= (bounds.maxLength ?? Number.POSITIVE_INFINITY);
}

function generator(source: string, pool: (typeof POOLS)[number], random: () => number): RandExp | undefined {
  let rx: RandExp;
  try {
    rx = new RandExp(source);
  } catch {
    return undefined;
  }
  rx.randInt = (a: number, b: number): number => a + Math.floor(random() * (1 + b - a));
  const range = rx.defaultRange;
  range.subtract(0, 0x10ffff);
  for (const [from, to] of pool) {
    range.add(from, to);
  }
  return rx;
}

/**
 * Strings that match `pattern` (checked against `new RegExp(pattern, 'u')`, the form every
 * generated validator uses) and respect `bounds`, generated from the pattern with randexp under a
 * seed derived from the pattern: deterministic. Returns the `variant`-th distinct match (for
 * `uniqueItems`), or undefined when none could be produced (lookaheads the generator cannot
 * satisfy, property escapes it does not know, contradictory bounds).
 */
export function patternExample(pattern: string, bounds: LengthBounds = {}, variant = 0): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  const source = generatorSource(pattern);
  const found = new Set<string>();
  const min = bounds.minLength ?? 0;
  for (const [index, pool] of POOLS.entries()) {
    const rx = generator(source, pool, seededRandom(hash(pattern) + index));
    if (rx === undefined) {
      return undefined;
    }
    const last = index === POOLS.length - 1;
    for (let attempt = 0; attempt < TRIES_PER_POOL; attempt++) {
      if (!last && found.size === 0 && attempt === EARLY_TRIES) {
        break; // This pool seems unable to satisfy the pattern (a lookahead wants a symbol): widen it.
      }
      // Unbounded repetitions (`+`, `*`, `{n,}`) get short tails first, longer ones when needed.
      rx.max = Math.max(4, min) * (1 + (attempt % 3));
      const value = rx.gen();
      if (re.test(value) && lengthFits(value, bounds)) {
        found.add(value);
        if (found.size > variant) {
          return [...found][variant];
        }
      }
    }
  }
  return found.size > 0 ? [...found][variant % found.size] : undefined;
}
