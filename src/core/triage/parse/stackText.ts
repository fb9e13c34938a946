import type { Problem, RawFrame } from '../triageTypes';
import { parseFrameLine } from './frameLine';

/** `TypeError: msg`, `AssertionError [ERR_ASSERTION]: msg`, `[cause]: Error: msg`, `Uncaught Error: …`. */
const HEADER = /^(\s*)(?:\[cause\]:\s*|Uncaught\s+)?((?:[A-Z][\w$]*)?(?:Error|Exception))(?:\s\[[\w-]+\])*(?::\s?(.*?))?\s*(?:\{)?\s*$/;
/** Code frames printed by jest (`> 13 | …`) and vitest (`13| …`), and caret lines. */
const CODE_FRAME = /^\s*>?\s*\d*\s*\|/;

interface Open {
  readonly indent: number;
  readonly problem: MutableProblem;
}

interface MutableProblem {
  name?: string;
  message: string[];
  frames: RawFrame[];
  nested: MutableProblem[];
  /** Still reading message lines (no frame seen yet). */
  reading: boolean;
}

/**
 * Finds errors and their frames in V8-style text: headers like `TypeError: …`, message lines, then
 * `at …` frames. A header indented under an open error (`[cause]:`, AggregateError's `[errors]: [`)
 * nests inside it. Frames before any header start an unnamed problem whose message is the text
 * above them (jest's `expect(received).toBe(expected)`). Code frames and carets are skipped.
 */
export function parseStackText(text: string, style: 'v8' | 'bare' = 'v8'): Problem<RawFrame>[] {
  const roots: MutableProblem[] = [];
  const open: Open[] = [];
  let loose: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const frame = parseFrameLine(line, style);
    if (frame) {
      let current = open[open.length - 1]?.problem;
      if (!current) {
        current = fresh(undefined, loose);
        roots.push(current);
        open.push({ indent: indentOf(line), problem: current });
      }
      current.frames.push(frame);
      current.reading = false;
      loose = [];
      continue;
    }
    const header = HEADER.exec(line);
    if (header) {
      const indent = header[1]!.length;
      while (open.length > 0 && open[open.length - 1]!.indent >= indent) {
        open.pop();
      }
      const problem = fresh(header[2], header[3] === undefined || header[3] === '' ? [] : [header[3]]);
      const parent = open[open.length - 1]?.problem;
      if (parent && parent.frames.length > 0) {
        parent.nested.push(problem);
      } else {
        open.length = 0;
        roots.push(problem);
      }
      open.push({ indent, problem });
      loose = [];
      continue;
    }
    const current = open[open.length - 1]?.problem;
    if (current?.reading && !CODE_FRAME.test(line)) {
      current.message.push(line.trim());
    } else if (!current && !CODE_FRAME.test(line) && line.trim() !== '') {
      loose.push(line.trim());
    }
  }
  return roots.map(freeze);
}

function fresh(name: string | undefined, message: string[]): MutableProblem {
  return { ...(name === undefined ? {} : { name }), message: [...message], frames: [], nested: [], reading: true };
}

function freeze(p: MutableProblem): Problem<RawFrame> {
  const message = p.message.join('\n').trim().replace(/\n{3,}/g, '\n\n');
  return { ...(p.name === undefined ? {} : { name: p.name }), message, frames: p.frames, nested: p.nested.map(freeze) };
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}
