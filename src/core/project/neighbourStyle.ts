import type { MaskedCode } from './codeScan';
import type { CodeStyle } from './projectFacts';

/** Evidence counted in neighbouring files; {@link styleFromCounts} turns it into decisions. */
export interface StyleCounts {
  /** Files whose string literals are mostly single (double) quoted: a file of embedded JSON is one vote. */
  single: number;
  double: number;
  semi: number;
  noSemi: number;
  tabs: number;
  /** Indentation steps in spaces: step → occurrences. */
  readonly spaceSteps: Map<number, number>;
  trailing: number;
  noTrailing: number;
}

export function emptyStyleCounts(): StyleCounts {
  return { single: 0, double: 0, semi: 0, noSemi: 0, tabs: 0, spaceSteps: new Map(), trailing: 0, noTrailing: 0 };
}

const CONTINUES_NEXT = /^(?:[.?:+\-*/%|&=,)\]}>]|as\b|satisfies\b|instanceof\b|in\b)/;
const ENDS_EXPRESSION = /[\w$)\]'"`]$/;

function countIndent(lines: readonly string[], counts: StyleCounts): void {
  let previous = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (lead.startsWith('\t')) {
      counts.tabs += 1;
      continue;
    }
    const width = lead.length;
    const step = width - previous;
    if (step > 0 && step <= 8) {
      counts.spaceSteps.set(step, (counts.spaceSteps.get(step) ?? 0) + 1);
    }
    previous = width;
  }
}

function countSemicolons(lines: readonly string[], counts: StyleCounts): void {
  const trimmed = lines.map((line) => line.trim());
  for (let i = 0; i < trimmed.length; i += 1) {
    const line = trimmed[i] ?? '';
    if (line === '' || line.startsWith('@') || /^for\s*\(/.test(line)) {
      continue;
    }
    if (line.endsWith(';')) {
      counts.semi += 1;
      continue;
    }
    if (!ENDS_EXPRESSION.test(line)) {
      continue;
    }
    const next = trimmed.slice(i + 1).find((candidate) => candidate !== '') ?? '';
    if (next !== '' && !CONTINUES_NEXT.test(next) && /^(?:import|export|const|let|var|return|throw|await|[\w$.]+\()/.test(line)) {
      counts.noSemi += 1;
    }
  }
}

interface Opener {
  readonly char: string;
  readonly line: number;
  readonly counts: boolean;
}

/** Multi-line object/array literals: is there a comma after the last element? */
function countTrailingCommas(lines: readonly string[], counts: StyleCounts): void {
  const stack: Opener[] = [];
  lines.forEach((line, index) => {
    const firstNonSpace = line.search(/\S/);
    for (let column = 0; column < line.length; column += 1) {
      const char = line[column] ?? '';
      if (char === '{' || char === '[' || char === '(') {
        const before = line.slice(0, column).trimEnd();
        // `[` at a line start is a computed key (types), not an array; type aliases and interfaces have no commas.
        const literal = /[=(,:[]$|return$/.test(before) && (char === '[' || (char === '{' && !/^(?:export\s+)?(?:type|interface)\b/.test(line.trim())));
        stack.push({ char, line: index, counts: literal });
      } else if (char === '}' || char === ']' || char === ')') {
        const opener = stack.pop();
        if (opener && opener.counts && opener.line < index && column === firstNonSpace) {
          const previous = lines.slice(opener.line + 1, index).reverse().find((candidate) => candidate.trim() !== '')?.trim() ?? '';
          if (/^[|&]/.test(previous)) {
            continue; // a union or intersection type, not a list
          }
          if (previous.endsWith(',')) {
            counts.trailing += 1;
          } else if (ENDS_EXPRESSION.test(previous) || previous.endsWith('}')) {
            counts.noTrailing += 1;
          }
        }
      }
    }
  });
}

/** Adds one file's evidence to the counts. */
export function countStyle(masked: MaskedCode, counts: StyleCounts): void {
  const lines = masked.code.split(/\r?\n/);
  if (masked.singleQuoted !== masked.doubleQuoted) {
    counts[masked.singleQuoted > masked.doubleQuoted ? 'single' : 'double'] += 1;
  }
  countIndent(lines, counts);
  countSemicolons(lines, counts);
  countTrailingCommas(lines, counts);
}

/** The style the counts show; a field is absent when there is too little evidence or a tie. */
export function styleFromCounts(counts: StyleCounts): Partial<CodeStyle> {
  const style: { -readonly [K in keyof CodeStyle]?: CodeStyle[K] } = {};
  if (counts.single !== counts.double) {
    style.quote = counts.single > counts.double ? 'single' : 'double';
  }
  if (counts.semi + counts.noSemi >= 3) {
    style.semicolons = counts.semi >= counts.noSemi;
  }
  const spaced = [...counts.spaceSteps.entries()].filter(([step]) => step === 2 || step === 4 || step === 3 || step === 8);
  const spacedTotal = spaced.reduce((sum, [, n]) => sum + n, 0);
  if (counts.tabs > spacedTotal && counts.tabs > 0) {
    style.indent = '\t';
  } else if (spacedTotal > 0) {
    const [step] = spaced.sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [2];
    style.indent = ' '.repeat(step);
  }
  if (counts.trailing + counts.noTrailing > 0 && counts.trailing !== counts.noTrailing) {
    style.trailingComma = counts.trailing > counts.noTrailing;
  }
  return style;
}
