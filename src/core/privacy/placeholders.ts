import type { Category } from './categories';

/** What one placeholder stands for. */
export interface PlaceholderEntry {
  readonly value: string;
  readonly category: Category;
}

/** Placeholder text (`<SECRET_1>`) → what it replaced. One map per request; keep it in memory only. */
export type PlaceholderMap = ReadonlyMap<string, PlaceholderEntry>;

/** Any text shaped like a placeholder: `<PREFIX_N>`. */
export const PLACEHOLDER_PATTERN = /<[A-Z][A-Z0-9_]*_\d+>/g;

/**
 * Hands out stable placeholders: the same value gets the same placeholder, numbers count up per
 * prefix, and placeholder-shaped text already in the input is never reused.
 */
export class PlaceholderAllocator {
  private readonly byValue = new Map<string, string>();
  private readonly map = new Map<string, PlaceholderEntry>();
  private readonly next = new Map<string, number>();
  private readonly reserved = new Set<string>();

  /** Marks placeholder-shaped text found in the input as taken. */
  reserveFrom(text: string): void {
    for (const token of text.match(PLACEHOLDER_PATTERN) ?? []) {
      this.reserved.add(token);
    }
  }

  /** The placeholder for `value`, allocating one on first sight. */
  placeholderFor(value: string, category: Category, prefix: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) {
      return known;
    }
    let n = this.next.get(prefix) ?? 1;
    let placeholder = `<${prefix}_${n}>`;
    while (this.reserved.has(placeholder)) {
      n += 1;
      placeholder = `<${prefix}_${n}>`;
    }
    this.next.set(prefix, n + 1);
    this.byValue.set(value, placeholder);
    this.map.set(placeholder, { value, category });
    return placeholder;
  }

  /** Every value allocated so far, longest first. */
  values(): { value: string; category: Category; prefix: string }[] {
    return [...this.byValue.entries()]
      .map(([value, placeholder]) => {
        const entry = this.map.get(placeholder)!;
        return { value, category: entry.category, prefix: placeholder.slice(1, placeholder.lastIndexOf('_')) };
      })
      .sort((a, b) => b.value.length - a.value.length);
  }

  /** A snapshot of the map. */
  toMap(): PlaceholderMap {
    return new Map(this.map);
  }
}
