import { RoutecraftError } from '../errors';
import { runProcess } from '../testgen/run/runProcess';

/** Output of a git command, or why it did not give one. */
export type GitResult = { readonly kind: 'ok'; readonly stdout: string } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'cancelled' };

export interface GitOptions {
  readonly cwd: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** The most output one git command may give (a diff larger than this is not reviewable anyway). */
const MAX_OUTPUT = 8_000_000;

/**
 * Runs `git ARGS` through the project's process runner (own process group, timeout, cancel).
 * Output is stdout and stderr interleaved, so only commands whose stderr is empty on success are
 * used here; `-c core.quotePath=false` keeps non-ASCII paths readable. The output is not trimmed.
 */
export async function git(args: readonly string[], options: GitOptions): Promise<GitResult> {
  let outcome;
  try {
    outcome = await runProcess('git', ['-c', 'core.quotePath=false', '--no-pager', ...args], {
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? 60_000,
      signal: options.signal,
      env: { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      maxOutputChars: MAX_OUTPUT,
      // A diff's last context line can be a lone space, and `git show` gives files byte for byte.
      keepWhitespace: true,
    });
  } catch (error) {
    return { kind: 'failed', message: `git could not start (${error instanceof Error ? error.message : String(error)}). Is git installed and on PATH?` };
  }
  if (outcome.kind === 'cancelled') {
    return { kind: 'cancelled' };
  }
  if (outcome.kind === 'timeout') {
    return { kind: 'failed', message: `git ${args[0] ?? ''} timed out.` };
  }
  if (outcome.exitCode !== 0) {
    const first = outcome.output.split('\n').find((l) => l.trim() !== '') ?? `exit code ${outcome.exitCode}`;
    return { kind: 'failed', message: `git ${args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}: ${first.replace(/^fatal:\s*/, '')}` };
  }
  return { kind: 'ok', stdout: outcome.output };
}

/** Like {@link git}, but throws a RoutecraftError on failure and `undefined` when cancelled. */
export async function gitOrThrow(args: readonly string[], options: GitOptions): Promise<string | undefined> {
  const result = await git(args, options);
  if (result.kind === 'failed') {
    throw new RoutecraftError('invalid-input', result.message);
  }
  return result.kind === 'ok' ? result.stdout : undefined;
}
