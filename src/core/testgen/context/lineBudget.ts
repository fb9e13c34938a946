import type { ContextPart } from './testContext';

/** Hands out lines of context within a total and a per-part budget, noting what was cut. */
export class LineBudget {
  private remaining: number;
  readonly omitted: string[] = [];

  constructor(total: number, private readonly perPart: number) {
    this.remaining = total;
  }

  /**
   * The part cut to what is left (at most `perPart` lines), or undefined (noted as left out) when
   * nothing is left. A part that must be shown (`required`) gets at least a few lines.
   */
  take(label: string, file: string, startLine: number, text: string, required = false): ContextPart | undefined {
    const lines = text.split('\n');
    const allowed = Math.min(this.perPart, required ? Math.max(this.remaining, 20) : this.remaining);
    if (allowed <= 0 || (!required && allowed < 3)) {
      this.omitted.push(`${label} (${file}, ${String(lines.length)} lines): left out, line budget used up`);
      return undefined;
    }
    const kept = lines.slice(0, allowed);
    const truncated = kept.length < lines.length;
    if (truncated) {
      this.omitted.push(`${label} (${file}): cut to ${String(kept.length)} of ${String(lines.length)} lines`);
      kept.push('// … (cut)');
    }
    this.remaining -= kept.length;
    return { label, file, startLine, endLine: startLine + kept.length - 1 - (truncated ? 1 : 0), text: kept.join('\n'), truncated };
  }
}
