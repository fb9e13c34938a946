import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { applyChangeSet } from '../core/changes/applyChangeSet';
import { RoutecraftError } from '../core/errors';
import { previewPrompt } from '../core/gateway/preview';
import { loadExclusion } from '../core/privacy/exclusion';
import { buildTriageMessages, formatTriageJson, formatTriageMarkdown, prepareTriage, triageError, DEFAULT_TRIAGE_FRAMES, DEFAULT_TRIAGE_LINES, type LogFormat, type TriageInput } from '../core/triage';
import { cliLlm, llmPathHelp, projectRootOf, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, number, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';

export const triageHelp = `Usage: routecraft triage [LOG] [options]      (or: routecraft triage [options] < LOG)

Explains a failure: a Node stack trace, jest/vitest/mocha/node:test output, tsc errors or a log
excerpt. Frames are mapped to the project's source (through source maps for dist/ code); the code
of the top project frames and the error are sent to your LLM; frames in node_modules and Node
internals are listed but not sent. Prints the cause, the evidence (file:line) and, when the model
proposes one, the fix as a type-checked diff; nothing is written without --write.

Options:
  --project DIR        project root the frames belong to (default: nearest package.json/.git up from here)
  --format F           markdown (default) or json
  --write              apply the proposed fix (refused if it has type errors or a file changed meanwhile)
  --log-format F       read the input as node, tsc, jest, vitest, mocha, node-test or node-test-tap
                       (default: detected)
  --max-frames N       most project frames whose code is sent (default ${DEFAULT_TRIAGE_FRAMES})
  --max-lines N        upper bound on lines of code sent (default ${DEFAULT_TRIAGE_LINES})
  --base-url URL, --model NAME, --timeout SECONDS, --max-retries N, --temperature T  as for explain
${llmPathHelp}
  --dry-run            print exactly what would be sent (after redaction) and send nothing
  --verbose            log each HTTP request to stderr
Tokens, keys and e-mail addresses in the log are replaced by placeholders before anything is sent.
Exit codes: 0 explained, 1 failed (or the proposed fix was refused), 2 bad usage or no failure found,
130 interrupted.`;

export interface TriageFlags extends LlmFlags, LlmPathFlags {
  readonly project?: string;
  readonly format?: string;
  readonly write?: boolean;
  readonly 'log-format'?: string;
  readonly 'max-frames'?: string;
  readonly 'max-lines'?: string;
  readonly 'dry-run'?: boolean;
  readonly verbose?: boolean;
}

const LOG_FORMATS: readonly LogFormat[] = ['node', 'tsc', 'jest', 'vitest', 'mocha', 'node-test', 'node-test-tap'];

/** `routecraft triage`: prints the triage; with --write applies the fix; returns the exit code. */
export async function runTriage(file: string | undefined, flags: TriageFlags, io: CliIo): Promise<number> {
  const format = flags.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    throw new RoutecraftError('invalid-input', `--format must be markdown or json, not "${format}".`);
  }
  const logFormat = flags['log-format'];
  if (logFormat !== undefined && !LOG_FORMATS.includes(logFormat as LogFormat)) {
    throw new RoutecraftError('invalid-input', `--log-format must be one of ${LOG_FORMATS.join(', ')}, not "${logFormat}".`);
  }
  const text = await readInput(file, io);
  const root = flags.project === undefined ? projectRootOf(join(io.cwd, 'log'), io.cwd) : resolve(io.cwd, flags.project);
  const input: TriageInput = {
    text,
    root,
    exclusion: await loadExclusion(root),
    ...(logFormat === undefined ? {} : { format: logFormat as LogFormat }),
    maxFrames: flags['max-frames'] === undefined ? DEFAULT_TRIAGE_FRAMES : Math.floor(number('--max-frames', flags['max-frames'], 1, 50)),
    maxLines: flags['max-lines'] === undefined ? DEFAULT_TRIAGE_LINES : Math.floor(number('--max-lines', flags['max-lines'], 10, 100_000)),
  };
  const context = await prepareTriage(input);
  if (context.log.problems.length === 0) {
    io.stderr.write('routecraft: no stack trace, test failure or compiler error was found in the input; nothing was sent.\n');
    return 2;
  }
  const settings = llmSettingsFrom(flags, io.env);
  if (flags['dry-run']) {
    io.stdout.write(previewPrompt(settings, buildTriageMessages(context)));
    return 0;
  }
  const logger = cliLogger(io, flags.verbose);
  const failures = context.log.problems.length;
  io.stderr.write(`${failures} failure(s) in ${context.log.format} output; sending the code of ${context.code.length} project frame(s)…\n`);
  const llm = cliLlm(settings, flags, io, logger);
  const result = await triageError(llm.client, input, { signal: io.signal, cache: llm.cacheMode, command: 'cli triage' });
  await llm.close();
  switch (result.kind) {
    case 'cancelled':
      io.stderr.write('Cancelled. Nothing was written.\n');
      return 130;
    case 'invalid':
      io.stderr.write(`routecraft: the model's answer could not be used; nothing was written:\n${result.issues.map((i) => `  - ${i}`).join('\n')}\n`);
      return 1;
    case 'failed':
      io.stderr.write(`routecraft: ${result.error.message}\nNothing was written.\n`);
      return 1;
    case 'ok':
      break;
  }
  const triage = result.value;
  io.stdout.write(format === 'json' ? formatTriageJson(triage) : formatTriageMarkdown(triage));
  io.stderr.write(`${llm.usage.summaryLine()}\n`);
  if (triage.fixRefused) {
    io.stderr.write(`routecraft: ${triage.fixRefused}\n`);
    return 1;
  }
  if (!flags.write) {
    if (triage.fix) {
      io.stderr.write('Review the fix above; run again with --write to apply it.\n');
    }
    return 0;
  }
  if (!triage.fix) {
    io.stderr.write('No fix was proposed; nothing was written.\n');
    return 0;
  }
  const errors = triage.fix.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error'));
  if (errors.length > 0) {
    io.stderr.write(`routecraft: the fix has ${errors.length} type error(s); nothing was written.\n`);
    return 1;
  }
  const written = await applyChangeSet(triage.fix.changeSet, { checkStale: true });
  io.stderr.write(`Wrote ${written.length} file(s).\n`);
  return 0;
}

async function readInput(file: string | undefined, io: CliIo): Promise<string> {
  if (file !== undefined) {
    try {
      return await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RoutecraftError('invalid-input', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file} (${code ?? 'error'}).`);
    }
  }
  if (!io.stdin || io.stdin.isTTY) {
    throw new RoutecraftError('invalid-input', 'Give the log as a file argument or pipe it in: routecraft triage < log.txt');
  }
  const chunks: string[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  }
  const text = chunks.join('');
  if (text.trim() === '') {
    throw new RoutecraftError('invalid-input', 'The log on stdin is empty.');
  }
  return text;
}
