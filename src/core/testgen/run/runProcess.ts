import { spawn, spawnSync } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/** How one child process ended. */
export interface ProcessOutcome {
  readonly kind: 'exited' | 'timeout' | 'cancelled';
  readonly exitCode: number | null;
  /** stdout and stderr interleaved as they arrived, bounded to `maxOutputChars` (head and tail kept). */
  readonly output: string;
  readonly durationMs: number;
}

export interface RunProcessOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: Readonly<Record<string, string>>;
  readonly maxOutputChars?: number;
  /** Keep the output exactly as given (default: trimmed). A diff's last line may be a lone space. */
  readonly keepWhitespace?: boolean;
}

const DEFAULT_MAX_OUTPUT = 64_000;

/** Keeps the first and last halves of a long text, with a marker between. */
export function boundText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const half = Math.floor(max / 2);
  return `${text.slice(0, half)}\n… ${text.length - max} characters left out …\n${text.slice(-half)}`;
}

/** Kills a whole process group (POSIX) or process tree (Windows); ignores groups already gone. */
export function killProcessGroup(pid: number): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}

/**
 * Runs a command in its own process group, so that a timeout or an abort kills the runner and every
 * worker it started. Never rejects for the command's own failure; rejects only when it cannot start.
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessOutcome> {
  const started = Date.now();
  const max = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      resolve({ kind: 'cancelled', exitCode: null, output: '', durationMs: 0 });
      return;
    }
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      windowsHide: true,
    });
    let output = '';
    let ending: 'timeout' | 'cancelled' | undefined;
    // One decoder per stream: a character split across two chunks is decoded whole.
    const appender = (decoder: StringDecoder) => (chunk: Buffer): void => {
      output += decoder.write(chunk);
      if (output.length > max * 2) {
        output = boundText(output, max);
      }
    };
    const stdoutDecoder = new StringDecoder('utf8');
    const stderrDecoder = new StringDecoder('utf8');
    child.stdout.on('data', appender(stdoutDecoder));
    child.stderr.on('data', appender(stderrDecoder));
    // A grandchild outside the group could hold the pipes open; once killed, stop waiting for them.
    const releasePipes = (): void => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const stop = (why: 'timeout' | 'cancelled'): void => {
      if (ending === undefined && child.pid !== undefined) {
        ending = why;
        killProcessGroup(child.pid);
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        releasePipes();
      }
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // A group kill also ends every grandchild still holding the pipes; be sure before returning.
      if (child.pid !== undefined) {
        killProcessGroup(child.pid);
      }
      output += stdoutDecoder.end() + stderrDecoder.end();
      resolve({ kind: ending ?? 'exited', exitCode, output: boundText(options.keepWhitespace === true ? output : output.trim(), max), durationMs: Date.now() - started });
    };
    child.once('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.once('exit', () => {
      if (ending !== undefined) {
        releasePipes();
      }
    });
    child.once('close', (code) => finish(code));
  });
}
