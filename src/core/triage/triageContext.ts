import { join } from 'node:path';
import type { CodeSnippet } from '../explain/explainContext';
import type { Exclusion } from '../privacy/exclusion';
import { createNodeProjectFs } from '../project/nodeProjectFs';
import type { ProjectFs } from '../project/projectFs';
import { enclosingCode } from './enclosingCode';
import type { Frame, ParsedLog, Problem } from './triageTypes';

/** The code sent for one project frame: the enclosing declaration, bounded. */
export interface FrameCode {
  readonly path: string;
  /** The frame's line (1-based) in `path`. */
  readonly line: number;
  readonly snippet: CodeSnippet;
}

/** What the triage prompt holds besides the error text. */
export interface TriageContext {
  readonly log: ParsedLog;
  readonly code: readonly FrameCode[];
  /** Full text of every project file read, by relative path: evidence and fixes are checked against it. */
  readonly files: ReadonlyMap<string, string>;
  /** Project frames left out (excluded by .routecraftignore, unreadable, beyond the limits). */
  readonly skipped: readonly string[];
}

export interface TriageContextOptions {
  readonly root: string;
  readonly exclusion: Exclusion;
  /** Most project frames whose code is sent (distinct file:line). */
  readonly maxFrames: number;
  /** Upper bound on the lines of code sent, all frames together. */
  readonly maxLines: number;
  /** Reads the project's files (default: the folder at `root` on disk). */
  readonly fs?: ProjectFs;
}

/**
 * The top project frames of each problem (the throwing error first, then its causes), each once,
 * with the declaration around the frame's line read through ts-morph's syntax tree. Frames in
 * node_modules, Node internals and native code are never read; excluded files are never read.
 */
export async function buildTriageContext(log: ParsedLog, options: TriageContextOptions): Promise<TriageContext> {
  const files = new Map<string, string>();
  const code: FrameCode[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  let budget = options.maxLines;
  const fs = options.fs ?? createNodeProjectFs(options.root);
  for (const frame of projectFramesInOrder(log.problems)) {
    const mapped = frame.mapped!;
    const key = `${mapped.path}:${mapped.line}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (code.length >= options.maxFrames || budget <= 0) {
      skipped.push(`${key} (limit)`);
      continue;
    }
    const abs = join(options.root, ...mapped.path.split('/'));
    if (options.exclusion.isExcluded(abs)) {
      skipped.push(`${key} (excluded)`);
      continue;
    }
    const text = files.get(mapped.path) ?? (await fs.readFile(mapped.path).catch(() => undefined));
    if (text === undefined) {
      skipped.push(`${key} (unreadable)`);
      continue;
    }
    files.set(mapped.path, text);
    const perFrame = Math.min(budget, Math.max(8, Math.floor(options.maxLines / options.maxFrames)));
    const snippet = enclosingCode(mapped.path, text, mapped.line, perFrame);
    budget -= snippet.endLine - snippet.startLine + 1;
    code.push({ path: mapped.path, line: mapped.line, snippet });
  }
  return { log, code, files, skipped };
}

/** Project frames, the deepest `[cause]`/`[errors]` first (usually where the fault is), innermost frame first. */
export function projectFramesInOrder(problems: readonly Problem[]): Frame[] {
  const out: Frame[] = [];
  const visit = (p: Problem): void => {
    p.nested.forEach(visit);
    out.push(...p.frames.filter((f) => f.origin === 'project' && f.mapped !== undefined));
  };
  problems.forEach(visit);
  return out;
}

/** Number of lines of a text (a trailing newline does not start a line). */
export function lineCountOf(text: string): number {
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}
