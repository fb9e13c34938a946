import { diffLines, type Change } from 'diff';

/** One contiguous run of removed and/or added lines between `before` and `after`. */
export interface ProposalHunk {
  readonly index: number;
  /** True when the hunk is part of the text that would be applied. */
  readonly taken: boolean;
  /** 0-based line of the selected text where the hunk starts (or would be inserted, when left). */
  readonly line: number;
  readonly added: number;
  readonly removed: number;
}

/** The text a partial review would apply, with where each hunk sits in it. */
export interface SelectedText {
  readonly text: string;
  readonly hunks: readonly ProposalHunk[];
  /** For each 0-based line of `after`: its 0-based line in `text`, or undefined when its hunk is left out. */
  readonly afterLineMap: readonly (number | undefined)[];
}

interface Segment {
  readonly common: boolean;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** How many hunks `after` differs from `before` by (a new file is one hunk). */
export function countHunks(before: string | undefined, after: string): number {
  return segments(before ?? '', after).filter((s) => !s.common).length;
}

/**
 * Applies only the hunks `taken` answers true for: left hunks keep `before`'s lines, taken ones
 * get `after`'s. Hunks come from the `diff` library's line diff (the one `unifiedDiff` uses),
 * each a maximal run of changed lines, numbered from 0 in file order. Taking every hunk gives
 * `after`; taking none gives `before` ('' for a new file).
 */
export function selectHunks(before: string | undefined, after: string, taken: (index: number) => boolean): SelectedText {
  const out: string[] = [];
  const hunks: ProposalHunk[] = [];
  const afterLineMap: (number | undefined)[] = [];
  let lineCount = 0;
  const push = (lines: readonly string[]): void => {
    for (const line of lines) {
      out.push(line);
      lineCount += line.endsWith('\n') ? 1 : 0;
    }
  };
  for (const segment of segments(before ?? '', after)) {
    if (segment.common) {
      for (const line of segment.added) {
        afterLineMap.push(lineCount);
        push([line]);
      }
      continue;
    }
    const index = hunks.length;
    const isTaken = taken(index);
    hunks.push({ index, taken: isTaken, line: lineCount, added: segment.added.length, removed: segment.removed.length });
    if (isTaken) {
      for (const line of segment.added) {
        afterLineMap.push(lineCount);
        push([line]);
      }
    } else {
      for (let i = 0; i < segment.added.length; i++) {
        afterLineMap.push(undefined);
      }
      push(segment.removed);
    }
  }
  return { text: out.join(''), hunks, afterLineMap };
}

/** Common runs and changed runs (removed then added lines), in order; each line keeps its newline. */
function segments(before: string, after: string): Segment[] {
  const result: Segment[] = [];
  let pending: { removed: string[]; added: string[] } | undefined;
  const flush = (): void => {
    if (pending) {
      result.push({ common: false, ...pending });
      pending = undefined;
    }
  };
  for (const part of diffLines(before, after) as Change[]) {
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      flush();
      result.push({ common: true, removed: lines, added: lines });
      continue;
    }
    pending ??= { removed: [], added: [] };
    (part.added ? pending.added : pending.removed).push(...lines);
  }
  flush();
  return result;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
