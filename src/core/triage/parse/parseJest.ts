import type { Problem, RawFrame } from '../triageTypes';
import { problemsOfBlocks, splitBlocks } from './blocks';

/** jest: `FAIL src/x.spec.ts`, then `● suite › test` blocks up to the summary. */
export function parseJest(text: string): Problem<RawFrame>[] {
  let file: string | undefined;
  const blocks = splitBlocks(
    text,
    (line) => {
      const fail = /^\s*FAIL\s+(\S+)/.exec(line);
      if (fail) {
        file = fail[1];
        return undefined;
      }
      const title = /^\s*●\s+(.+?)\s*$/.exec(line);
      return title ? { test: title[1]!, ...(file === undefined ? {} : { testFile: file }) } : undefined;
    },
    (line) => /^(Test Suites:|Tests:|\s*(PASS|FAIL)\s+\S)/.test(line),
  );
  return problemsOfBlocks(blocks);
}
