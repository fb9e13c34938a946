import { resolve } from 'node:path';
import { RoutecraftError } from '../core/errors';
import { previewPrompt } from '../core/gateway/preview';
import { loadExclusion } from '../core/privacy/exclusion';
import { collectChange, DEFAULT_REVIEW_PROMPT_TOKENS, failingFindings, prepareReview, reviewChanges, reviewMarkdown, severityFrom, SEVERITIES, withReviewInstructions, type ChangeSource, type Severity } from '../core/review';
import { cliLlm, llmPathHelp, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, number, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';

export const reviewHelp = `Usage: routecraft review [RANGE] [options]

Reviews a change set with your LLM: a summary, then findings (behaviour, risk, missing-test,
validation, security, style) with a severity, each at a file and a line of the change. Deterministic
checks run first without the model: secrets added, new dependencies, removed zod/class-validator
validation, changed response status codes, migrations. A finding of the model that points at a
line outside the change is dropped. Large changes are split into requests per file group.
  (nothing)       the working tree: everything not committed, new untracked files included
  --staged        the staged changes only
  REF             one commit (e.g. HEAD, 1a2b3c4)
  A..B, A...B     a range (A...B: from the merge-base of A and B)
  --base BRANCH   the current branch against its merge-base with BRANCH (default origin/HEAD, main, master)

Options:
  --project DIR            the repository (or a folder inside it; default: the current folder)
  --format FORMAT          markdown (default; ready for a pull-request comment) or json
  --fail-on SEVERITY       exit 3 when a finding is at or above it: ${SEVERITIES.join(', ')}
  --max-prompt-tokens N    upper bound on one request's prompt (default ${DEFAULT_REVIEW_PROMPT_TOKENS}); set it below your
                           model's context minus ~1,000 tokens for the answer
  --dry-run                print exactly what would be sent (after redaction) and send nothing
  --base-url, --model, --timeout, --max-retries, --temperature   the LLM (see "routecraft explain --help")
${llmPathHelp}
Files matched by .routecraftignore (and .env*, keys, certificates) are never sent; the rules still check them.
Exit codes: 0 reviewed, 3 a finding at or above --fail-on, 1 failed, 2 bad usage, 130 interrupted.`;

export interface ReviewFlags extends LlmFlags, LlmPathFlags {
  readonly staged?: boolean;
  readonly base?: string;
  readonly project?: string;
  readonly format?: string;
  readonly 'fail-on'?: string;
  readonly 'max-prompt-tokens'?: string;
  readonly 'dry-run'?: boolean;
  readonly verbose?: boolean;
}

/** Which change the arguments name. */
export function changeSourceFrom(range: string | undefined, flags: Pick<ReviewFlags, 'staged' | 'base'>): ChangeSource {
  const chosen = [range !== undefined, flags.staged === true, flags.base !== undefined].filter(Boolean).length;
  if (chosen > 1) {
    throw new RoutecraftError('invalid-input', 'Give one of RANGE, --staged or --base.');
  }
  if (flags.staged) {
    return { kind: 'staged' };
  }
  if (flags.base !== undefined) {
    return { kind: 'branch', base: flags.base };
  }
  if (range === undefined) {
    return { kind: 'working-tree' };
  }
  return range.includes('..') ? { kind: 'range', range } : { kind: 'commit', ref: range };
}

/** `routecraft review`: prints the review (Markdown or JSON) to stdout; returns the exit code. */
export async function runReview(range: string | undefined, flags: ReviewFlags, io: CliIo): Promise<number> {
  const format = flags.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    throw new RoutecraftError('invalid-input', `--format takes markdown or json, not "${format}".`);
  }
  let failOn: Severity | undefined;
  if (flags['fail-on'] !== undefined) {
    failOn = severityFrom(flags['fail-on']);
    if (failOn === undefined) {
      throw new RoutecraftError('invalid-input', `--fail-on takes one of ${SEVERITIES.join(', ')}, not "${flags['fail-on']}".`);
    }
  }
  const maxPromptTokens = flags['max-prompt-tokens'] === undefined ? DEFAULT_REVIEW_PROMPT_TOKENS : Math.floor(number('--max-prompt-tokens', flags['max-prompt-tokens'], 1000, 1_000_000));
  const source = changeSourceFrom(range, flags);
  const settings = llmSettingsFrom(flags, io.env);
  const dir = resolve(io.cwd, flags.project ?? '.');
  const change = await collectChange(dir, source, io.signal);
  if (change === undefined) {
    io.stderr.write('\nCancelled.\n');
    return 130;
  }
  const prepared = await prepareReview(change, { maxPromptTokens, exclusion: await loadExclusion(change.root), signal: io.signal });
  if (flags['dry-run']) {
    prepared.requests.forEach((r, i) => {
      io.stdout.write(`<!-- request ${i + 1} of ${prepared.requests.length}: ≈${r.estimatedTokens} prompt tokens -->\n`);
      io.stdout.write(previewPrompt(settings, withReviewInstructions(r.messages)));
    });
    io.stderr.write(`${prepared.files.length} files, ${prepared.ruleFindings.length} rule findings, ${prepared.requests.length} requests (largest ≈${Math.max(0, ...prepared.requests.map((r) => r.estimatedTokens))} prompt tokens). Nothing sent.\n`);
    return 0;
  }
  const logger = cliLogger(io, flags.verbose);
  const llm = cliLlm(settings, flags, io, logger);
  const result = await reviewChanges(llm.client, prepared, {
    signal: io.signal,
    cache: llm.cacheMode,
    command: 'cli review',
    onProgress: (p) => {
      if (p.total > 1 && p.done < p.total) {
        io.stderr.write(`[${p.done + 1}/${p.total}] ${p.files.join(', ')}\n`);
      }
    },
  });
  await llm.close();
  switch (result.kind) {
    case 'ok': {
      const report = result.value;
      io.stdout.write(format === 'json' ? `${JSON.stringify(report, undefined, 2)}\n` : reviewMarkdown(report));
      io.stderr.write(`${llm.usage.summaryLine()}\n`);
      const failing = failOn === undefined ? [] : failingFindings(report, failOn);
      if (failing.length > 0) {
        io.stderr.write(`routecraft: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn}.\n`);
        return 3;
      }
      return 0;
    }
    case 'cancelled':
      io.stderr.write('\nCancelled.\n');
      return 130;
    case 'invalid':
      io.stderr.write(`routecraft: the model's answer could not be used: ${result.issues.join('; ')}\n`);
      return 1;
    case 'failed':
      io.stderr.write(`routecraft: ${result.error.message}\n`);
      return 1;
  }
}
