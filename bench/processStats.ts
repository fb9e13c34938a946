// Whole-process figures of a command (wall, CPU = user + system, peak resident memory), measured
// through GNU time (`/usr/bin/time -f`) so that child processes count too; without it, wall only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One run of a command. `cpuMs`/`peakMiB` are undefined when GNU time is not installed. */
export interface ProcessSample {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly peakMiB?: number;
}

/** What to run. */
export interface CommandSpec {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Checks the command's stdout (a run that did not do the work must not count). */
  readonly expect?: RegExp;
  /** Counts a run that exits non-zero too (a `tsc` whose project already has type errors). */
  readonly anyExitCode?: boolean;
}

const GNU_TIME = '/usr/bin/time';
const MARK = 'ROUTECRAFT-BENCH';

/** Runs the command once; throws when it fails or its output does not match `expect`. */
export function runOnce(spec: CommandSpec): ProcessSample {
  const timed = existsSync(GNU_TIME);
  const command = timed ? GNU_TIME : spec.command;
  const args = timed ? ['-f', `${MARK} %e %U %S %M`, spec.command, ...spec.args] : [...spec.args];
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: spec.cwd, env: { ...process.env, NO_COLOR: '1', ...spec.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const wallMs = performance.now() - started;
  if ((run.status !== 0 && spec.anyExitCode !== true) || run.error !== undefined) {
    throw new Error(`${spec.label} failed (exit ${String(run.status)}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  }
  if (spec.expect && !spec.expect.test(run.stdout)) {
    throw new Error(`${spec.label}: unexpected output:\n${run.stdout.slice(0, 2000)}`);
  }
  return timed ? parseGnuTime(run.stderr, wallMs) : { wallMs };
}

/** The figures of `/usr/bin/time -f "ROUTECRAFT-BENCH %e %U %S %M"` (the last such line of stderr). */
export function parseGnuTime(stderr: string, fallbackWallMs: number): ProcessSample {
  const line = stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(MARK));
  const fields = line?.slice(MARK.length).trim().split(/\s+/).map(Number);
  if (fields?.length !== 4 || fields.some((n) => !Number.isFinite(n))) {
    return { wallMs: fallbackWallMs };
  }
  const [wall, user, system, maxKiB] = fields as [number, number, number, number];
  return { wallMs: wall * 1000, cpuMs: (user + system) * 1000, peakMiB: maxKiB / 1024 };
}

/** The median (mean of the two middle values for an even count); NaN for no samples. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Medians of each figure over the samples. */
export function summarize(samples: readonly ProcessSample[]): { wallMs: number; cpuMs?: number; peakMiB?: number } {
  const defined = (xs: readonly (number | undefined)[]): number[] => xs.filter((x): x is number => x !== undefined);
  const cpu = defined(samples.map((s) => s.cpuMs));
  const mem = defined(samples.map((s) => s.peakMiB));
  return { wallMs: median(samples.map((s) => s.wallMs)), ...(cpu.length > 0 ? { cpuMs: median(cpu) } : {}), ...(mem.length > 0 ? { peakMiB: median(mem) } : {}) };
}

/**
 * Runs every command once per round, round after round (interleaved, so that a noisy neighbour
 * slows all of them alike), after one warm-up round that is not counted (unless `warmUp` is false).
 */
export function interleave(commands: readonly CommandSpec[], rounds: number, onRound?: (round: number) => void, warmUp = true): ProcessSample[][] {
  const samples: ProcessSample[][] = commands.map(() => []);
  for (let round = warmUp ? 0 : 1; round <= rounds; round++) {
    commands.forEach((c, i) => {
      const sample = runOnce(c);
      if (round > 0) {
        samples[i]!.push(sample);
      }
    });
    onRound?.(round);
  }
  return samples;
}

/** The median over rounds of `a[i] / b[i]` for one figure: a ratio measured in the same run, round by round. */
export function pairedRatio(a: readonly ProcessSample[], b: readonly ProcessSample[], figure: keyof ProcessSample): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]![figure];
    const y = b[i]![figure];
    if (x !== undefined && y !== undefined && y > 0) {
      ratios.push(x / y);
    }
  }
  return median(ratios);
}
