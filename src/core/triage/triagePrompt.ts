import type { ChatMessage } from '../llm/types';
import type { TriageContext } from './triageContext';
import type { Frame, Problem } from './triageTypes';

/** Bounds on the error text sent (logs can be huge). */
const MAX_PROBLEMS = 6;
const MAX_MESSAGE_CHARS = 1_500;
const MAX_FRAMES_PER_PROBLEM = 12;

const SYSTEM = [
  'You are Routecraft, a senior backend engineer triaging a failure for a colleague.',
  'You get the error output (stack frames already mapped to the project source; frames in node_modules and Node internals are counted but not shown) and the project code around the top frames, with line numbers.',
  'Find the most likely cause. Ground it in the code shown: every evidence item must be a file and line number shown below.',
  'Propose a fix only when the fault is in the code shown; edit the smallest range of whole lines; never weaken or delete a test to make it pass unless the test itself is wrong.',
  'Say how confident you are: high only when the code shown proves the cause.',
].join(' ');

function problemText(problem: Problem, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const title = `${problem.name ?? 'Failure'}${problem.test === undefined ? '' : ` in test "${problem.test}"`}`;
  const message = problem.message.length > MAX_MESSAGE_CHARS ? `${problem.message.slice(0, MAX_MESSAGE_CHARS)}… (cut)` : problem.message;
  const lines = [`${pad}- ${title}: ${message.split('\n').join(`\n${pad}  `)}`];
  const shown = problem.frames.filter((f): f is Frame & { mapped: NonNullable<Frame['mapped']> } => f.origin === 'project' && f.mapped !== undefined);
  for (const f of shown.slice(0, MAX_FRAMES_PER_PROBLEM)) {
    lines.push(`${pad}    at ${f.async ? 'async ' : ''}${f.functionName ?? '<anonymous>'} (${f.mapped.path}:${f.mapped.line}:${f.mapped.column})`);
  }
  const hidden = problem.frames.length - Math.min(shown.length, MAX_FRAMES_PER_PROBLEM);
  if (hidden > 0) {
    lines.push(`${pad}    … ${hidden} frame(s) in node_modules, Node internals or native code not shown`);
  }
  for (const nested of problem.nested) {
    lines.push(`${pad}  caused by:`, ...problemText(nested, depth + 1));
  }
  return lines;
}

function numbered(text: string, firstLine: number): string {
  const lines = text.split('\n');
  const width = String(firstLine + lines.length - 1).length;
  return lines.map((l, i) => `${String(firstLine + i).padStart(width)} | ${l}`).join('\n');
}

/** The chat messages for a triage: the rules, the failure (bounded), and the code of the top project frames. */
export function buildTriageMessages(context: TriageContext): ChatMessage[] {
  const problems = context.log.problems.slice(0, MAX_PROBLEMS);
  const parts = [`## Failure (${context.log.format} output)`, problems.flatMap((p) => problemText(p, 0)).join('\n')];
  if (context.log.problems.length > MAX_PROBLEMS) {
    parts.push(`(${context.log.problems.length - MAX_PROBLEMS} more failure(s) not shown)`);
  }
  if (context.code.length > 0) {
    parts.push('## Project code at the top frames (line numbers on the left are the file\'s)');
    for (const c of context.code) {
      const ticks = c.snippet.text.includes('```') ? '````' : '```';
      parts.push(`\`${c.path}\` — ${c.snippet.label}, frame at line ${c.line}:\n${ticks}\n${numbered(c.snippet.text, c.snippet.startLine)}\n${ticks}`);
    }
  } else {
    parts.push('No project code could be located for these frames; say what you would need to see.');
  }
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: parts.join('\n\n') },
  ];
}
