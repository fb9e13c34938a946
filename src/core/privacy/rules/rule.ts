import type { Category } from '../categories';

/** One piece of text to replace: `[start, end)` of the scanned text. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly category: Category;
  /** Placeholder prefix (the category, or a custom pattern's name). */
  readonly prefix: string;
}

/** A detector. Rules earlier in a list win when findings overlap. */
export interface Rule {
  readonly id: string;
  readonly category: Category;
  find(text: string): Finding[];
}

/** Decides whether a match is a real finding. `value` is the text to replace. */
export type Accept = (value: string, match: RegExpExecArray, text: string) => boolean;

/**
 * A rule over one global regex. When the regex has named groups starting with `v`, the first one
 * that took part in the match is the span replaced (the regex needs the `d` flag); otherwise the
 * whole match is.
 */
export function regexRule(id: string, category: Category, regex: RegExp, accept?: Accept, prefix: string = category): Rule {
  if (!regex.global) {
    throw new Error(`rule ${id}: regex must be global`);
  }
  return {
    id,
    category,
    find(text) {
      const findings: Finding[] = [];
      const re = new RegExp(regex.source, regex.flags);
      let match: RegExpExecArray | null;
      while ((match = re.exec(text)) !== null) {
        if (match[0].length === 0) {
          re.lastIndex += 1;
          continue;
        }
        const [start, end] = valueSpan(match);
        const value = text.slice(start, end);
        if (end > start && (accept === undefined || accept(value, match, text))) {
          findings.push({ start, end, category, prefix });
        }
      }
      return findings;
    },
  };
}

function valueSpan(match: RegExpExecArray): [number, number] {
  const groups = match.indices?.groups;
  if (groups !== undefined) {
    for (const [name, span] of Object.entries(groups)) {
      if (name.startsWith('v') && span !== undefined) {
        return span;
      }
    }
  }
  return [match.index, match.index + match[0].length];
}

/** The finding set with overlaps removed: a finding from an earlier rule beats a later one. */
export function runRules(rules: readonly Rule[], text: string, enabled: (category: Category) => boolean = () => true): Finding[] {
  const kept: Finding[] = [];
  for (const rule of rules) {
    for (const finding of rule.find(text)) {
      if (enabled(finding.category) && !kept.some((k) => finding.start < k.end && k.start < finding.end)) {
        kept.push(finding);
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
