import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DEFAULT_MAX_CONTEXT_LINES } from '../core/defaults';
import { RoutecraftError } from '../core/errors';
import { buildExplainContext, buildExplainMessages, explainCode } from '../core/explain';
import { previewPrompt } from '../core/gateway/preview';
import { ExcludedFileError } from '../core/privacy/excludedFileError';
import { loadExclusion } from '../core/privacy/exclusion';
import { cliLlm, llmPathHelp, projectRootOf, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, number, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';

export const explainHelp = `Usage: routecraft explain FILE[:START[-END]] [options]

Explains code with your LLM and prints the Markdown answer as it streams.
  FILE            the whole file (bounded by --max-lines)
  FILE:START      the function, method or class at line START
  FILE:START-END  lines START to END (1-based, inclusive), with their enclosing code

Options:
  --base-url URL      OpenAI-compatible server (env OPENAI_BASE_URL; default http://localhost:11434/v1)
  --model NAME        model (env ROUTECRAFT_MODEL; default qwen2.5-coder:7b)
  --timeout SECONDS   give up when the server is silent this long (default 120)
  --max-retries N     retries on 429, 5xx and network errors (default 2)
  --temperature T     sampling temperature (default 0.2)
  --max-lines N       upper bound on lines of code sent (default ${DEFAULT_MAX_CONTEXT_LINES})
${llmPathHelp}
  --dry-run           print exactly what would be sent (after redaction) and send nothing
  --verbose           log each HTTP request to stderr
Secrets and personal data are replaced by placeholders before anything is sent; files matched by
.routecraftignore (and .env*, keys, certificates) are refused.
The API key comes from OPENAI_API_KEY only (never a flag, so it stays out of shell history).
Exit codes: 0 explained, 1 failed, 2 bad usage, 130 interrupted.`;

export interface ExplainFlags extends LlmFlags, LlmPathFlags {
  readonly 'max-lines'?: string;
  readonly 'dry-run'?: boolean;
  readonly verbose?: boolean;
}

interface Target {
  readonly file: string;
  readonly startLine?: number;
  readonly endLine?: number;
}

/** Parses FILE, FILE:START or FILE:START-END (a Windows drive letter is not a line number). */
export function parseTarget(spec: string): Target {
  const match = /^(.+?)(?::(\d+)(?:-(\d+))?)?$/.exec(spec);
  if (!match?.[1]) {
    throw new RoutecraftError('invalid-input', `Expected FILE[:START[-END]], got "${spec}".`);
  }
  const startLine = match[2] === undefined ? undefined : Number(match[2]);
  const endLine = match[3] === undefined ? startLine : Number(match[3]);
  if (startLine !== undefined && (startLine < 1 || (endLine ?? startLine) < startLine)) {
    throw new RoutecraftError('invalid-input', `Line range in "${spec}" must be START-END with 1 <= START <= END.`);
  }
  return { file: match[1], startLine, endLine };
}

function offsets(text: string, target: Target): { start: number; end: number } {
  if (target.startLine === undefined) {
    return { start: 0, end: text.length };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lineStarts.push(i + 1);
    }
  }
  const last = lineStarts.length;
  if (target.startLine > last) {
    throw new RoutecraftError('invalid-input', `${target.file} has ${last} lines; line ${target.startLine} does not exist.`);
  }
  const start = lineStarts[target.startLine - 1]!;
  const endIndex = Math.min(target.endLine ?? target.startLine, last);
  const end = endIndex < last ? lineStarts[endIndex]! - 1 : text.length;
  return { start, end };
}

/** `routecraft explain`: streams the explanation to stdout; returns the exit code. */
export async function runExplain(target: string, flags: ExplainFlags, io: CliIo): Promise<number> {
  const parsed = parseTarget(target);
  const path = resolve(io.cwd, parsed.file);
  const root = projectRootOf(path, io.cwd);
  if ((await loadExclusion(root)).isExcluded(path)) {
    throw new ExcludedFileError([relative(root, path)]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RoutecraftError('file-not-found', code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? 'error'}).`);
  }
  const range = offsets(text, parsed);
  // FILE:START alone means "the code at that line": an empty range lets the core find the enclosing code.
  const cursorOnly = parsed.startLine !== undefined && !/:\d+-\d+$/.test(target);
  const cursor = range.start + firstCodeColumn(text, range.start);
  const maxLines = flags['max-lines'] === undefined ? DEFAULT_MAX_CONTEXT_LINES : Math.floor(number('--max-lines', flags['max-lines'], 1, 100_000));
  const settings = llmSettingsFrom(flags, io.env);
  const logger = cliLogger(io, flags.verbose);
  const started = Date.now();
  const displayPath = relative(io.cwd, path) || path;
  const input = cursorOnly
    ? { displayPath, fileText: text, start: cursor, end: cursor, maxLines }
    : { displayPath, fileText: text, start: range.start, end: range.end, maxLines };
  if (flags['dry-run']) {
    io.stdout.write(previewPrompt(settings, buildExplainMessages(buildExplainContext(input))));
    return 0;
  }
  const llm = cliLlm(settings, flags, io, logger);
  const result = await explainCode(llm.client, input, { signal: io.signal, onDelta: (delta) => io.stdout.write(delta), cache: llm.cacheMode, command: 'cli explain' });
  await llm.close();
  switch (result.kind) {
    case 'ok': {
      const { answer } = result.value;
      if (!answer.text.endsWith('\n')) {
        io.stdout.write('\n');
      }
      const source = answer.cached ? 'from cache, 0 tokens' : `${((Date.now() - started) / 1000).toFixed(1)} s`;
      io.stderr.write(`\n${answer.model}, ${source}\n${llm.usage.summaryLine()}\n`);
      return 0;
    }
    case 'cancelled':
      io.stderr.write('\nCancelled.\n');
      return 130;
    case 'invalid':
      io.stderr.write(`\nroutecraft: the model's answer could not be used: ${result.issues.join('; ')}\n`);
      return 1;
    case 'failed':
      io.stderr.write(`\nroutecraft: ${result.error.message}\n`);
      return 1;
  }
}

/** Offset of the first non-blank character on the line, so the cursor sits inside the code. */
function firstCodeColumn(text: string, lineStart: number): number {
  const line = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 500));
  return line ? line[0].length : 0;
}
