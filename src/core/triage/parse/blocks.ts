import type { Problem, RawFrame } from '../triageTypes';
import { parseStackText } from './stackText';

/** One failing test's section of a runner's output. */
export interface FailureBlock {
  readonly test: string;
  readonly testFile?: string;
  readonly lines: readonly string[];
}

/**
 * Splits text at the lines where `start` matches (its result names the test) and ends a block
 * where `end` matches; text outside blocks is ignored.
 */
export function splitBlocks(
  text: string,
  start: (line: string, next: string | undefined) => { test: string; testFile?: string } | undefined,
  end: (line: string) => boolean = () => false,
): FailureBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: { test: string; testFile?: string; lines: string[] }[] = [];
  let current: { test: string; testFile?: string; lines: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const begun = start(line, lines[i + 1]);
    if (begun) {
      current = { ...begun, lines: [] };
      blocks.push(current);
      continue;
    }
    if (current && end(line)) {
      current = undefined;
      continue;
    }
    current?.lines.push(line);
  }
  return blocks;
}

/** The problems of each block, titled with its test; identical failures printed twice count once. */
export function problemsOfBlocks(blocks: readonly FailureBlock[], style: 'v8' | 'bare' = 'v8'): Problem<RawFrame>[] {
  const seen = new Set<string>();
  const problems: Problem<RawFrame>[] = [];
  for (const block of blocks) {
    const found = parseStackText(block.lines.join('\n'), style);
    const [first, ...rest] = found;
    const problem: Problem<RawFrame> = first
      ? { ...first, test: block.test, ...(block.testFile === undefined ? {} : { testFile: block.testFile }), nested: [...first.nested, ...rest] }
      : { message: block.lines.join('\n').trim(), test: block.test, frames: [], nested: [] };
    const key = `${problem.test ?? ''}\n${problem.message}\n${problem.frames.map((f) => f.raw).join('\n')}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
