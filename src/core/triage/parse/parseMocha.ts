import type { Problem, RawFrame } from '../triageTypes';
import { problemsOfBlocks, splitBlocks } from './blocks';

/**
 * mocha's spec reporter: after `N failing`, blocks `  1) suite` + `       test:` (the title ends at
 * the first line ending with a colon), then the error and its frames.
 */
export function parseMocha(text: string): Problem<RawFrame>[] {
  const failing = text.search(/^\s*\d+ failing/m);
  const body = failing === -1 ? text : text.slice(failing);
  const lines = body.split(/\r?\n/);
  const titled: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s{0,4}(\d+)\) (.+)$/.exec(lines[i]!);
    if (!head) {
      titled.push(lines[i]!);
      continue;
    }
    const parts = [head[2]!.trim()];
    while (!parts[parts.length - 1]!.endsWith(':') && i + 1 < lines.length && lines[i + 1]!.trim() !== '') {
      parts.push(lines[++i]!.trim());
    }
    titled.push(`\u0000${parts.join(' › ').replace(/:$/, '')}`);
  }
  const blocks = splitBlocks(titled.join('\n'), (line) => (line.startsWith('\u0000') ? { test: line.slice(1) } : undefined));
  return problemsOfBlocks(blocks);
}
