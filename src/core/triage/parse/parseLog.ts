import type { LogFormat, ParsedLog, Problem, RawFrame } from '../triageTypes';
import { detectFormat } from './detectFormat';
import { parseJest } from './parseJest';
import { parseMocha } from './parseMocha';
import { parseNodeTestSpec, parseNodeTestTap } from './parseNodeTest';
import { parseTsc } from './parseTsc';
import { parseVitest } from './parseVitest';
import { parseStackText } from './stackText';

const PARSERS: Readonly<Record<LogFormat, (text: string) => Problem<RawFrame>[]>> = {
  node: (text) => parseStackText(text).filter((p) => p.frames.length > 0 || p.nested.length > 0),
  tsc: parseTsc,
  jest: parseJest,
  vitest: parseVitest,
  mocha: parseMocha,
  'node-test': parseNodeTestSpec,
  'node-test-tap': parseNodeTestTap,
};

/**
 * Finds the errors in a stack trace, a test runner's output, compiler output or a log excerpt.
 * The format is detected unless given; when the runner-specific reading finds nothing, the text is
 * read as plain V8 traces (a log that merely mentions a runner still yields its stacks).
 */
export function parseLog(text: string, format: LogFormat = detectFormat(text)): ParsedLog<RawFrame> {
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n');
  const problems = PARSERS[format](clean);
  if (problems.length === 0 && format !== 'node') {
    return { format: 'node', problems: PARSERS.node(clean) };
  }
  return { format, problems };
}
