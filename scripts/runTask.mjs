// Runs one task of `npm test` (an install or a stage) with its output in a file, and prints that
// file whole when the task ends, so the logs of tasks running at once never interleave. Each task
// runs under scripts/cpu-time.mjs (wall and CPU time of its whole process tree). Node builtins only.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cpuTimeScript = join(dirname(fileURLToPath(import.meta.url)), 'cpu-time.mjs');

/** The {user, system} seconds scripts/cpu-time.mjs wrote for a task, or undefined. */
function readCpu(file) {
  try {
    const cpu = JSON.parse(readFileSync(file, 'utf8'));
    return typeof cpu.user === 'number' && typeof cpu.system === 'number' ? cpu : undefined;
  } catch {
    return undefined;
  }
}

/** "12.3 s wall, cpu 20.1 s = 18.0 user + 2.1 sys" (the CPU part only when it was measured). */
export const timing = (seconds, cpu) =>
  `${seconds.toFixed(1)} s wall${cpu ? `, cpu ${(cpu.user + cpu.system).toFixed(1)} s = ${cpu.user.toFixed(1)} user + ${cpu.system.toFixed(1)} sys` : ''}`;

/**
 * Runs `task` ({ name, command, args, seconds }) in `cwd` with `env`; its log and CPU file go to
 * `work` under `id`. `dryRun`: sleeps a hundredth of the task's `seconds` instead (to show the plan).
 * `print(text)` receives the task's whole output when it ends. Resolves with { ok, seconds, cpu, detail }.
 */
export function runTask(task, { id, work, cwd, env, dryRun = false, print }) {
  const log = join(work, `${id}.log`);
  const cpuFile = join(work, `${id}.cpu.json`);
  const out = createWriteStream(log);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = dryRun
      ? spawn('sleep', [String(task.seconds / 100)])
      : spawn(process.execPath, [cpuTimeScript, cpuFile, task.command, ...task.args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    let ended = false;
    const finish = (ok, detail) => {
      if (ended) {
        return;
      }
      ended = true;
      out.end(() => {
        print(`\n=== ${task.name} ===\n${readFileSync(log, 'utf8')}`);
        resolve({ ok, seconds: (Date.now() - started) / 1000, cpu: readCpu(cpuFile), detail });
      });
    };
    child.on('error', (error) => finish(false, error.message));
    child.on('close', (code, signal) => finish(code === 0, code === 0 ? '' : `exit ${code ?? signal}`));
  });
}
