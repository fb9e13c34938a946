import type { Problem, RawFrame } from '../triageTypes';
import { problemsOfBlocks, splitBlocks } from './blocks';

/** vitest: ` FAIL  file > suite > test` blocks separated by `⎯⎯⎯` rules; frames as `❯ fn file:l:c`. */
export function parseVitest(text: string): Problem<RawFrame>[] {
  const blocks = splitBlocks(
    text,
    (line) => {
      const m = /^\s*FAIL\s+(\S+?)\s+>\s+(.+?)\s*$/.exec(line);
      return m ? { test: m[2]!.replace(/\s+>\s+/g, ' › '), testFile: m[1]! } : undefined;
    },
    (line) => /^\s*⎯{3,}/.test(line),
  );
  return problemsOfBlocks(blocks);
}
