#!/usr/bin/env node
// `node scripts/cpu-time.mjs OUT.json COMMAND ARGS…`: runs COMMAND (stdio inherited, same exit code)
// and writes to OUT.json the CPU time of its whole process tree: {user, system} in seconds.
//
// Why a process of its own: Linux adds a process's CPU time to its parent's "children" counters
// (getrusage RUSAGE_CHILDREN, /proc/self/stat cutime/cstime) when the parent waits for it, and
// those counters already include every descendant that was waited for in turn (npx → node → tsc,
// jest workers, code-server's extension host, chromium…). Node exposes only RUSAGE_SELF
// (process.resourceUsage), and scripts/test.mjs runs two stages at once, so its own children
// counters would mix them: one wrapper per stage keeps them apart. Processes left running when the
// stage ends (never waited for) are not counted. Off Linux (no /proc) OUT.json says so.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [out, command, ...args] = process.argv.slice(2);
if (!out || !command) {
  console.error('usage: node scripts/cpu-time.mjs OUT.json COMMAND [ARGS…]');
  process.exit(2);
}

/** user and system seconds of this process's waited-for children (fields 16 and 17 of /proc/self/stat). */
function childrenCpu() {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    // fields[0] is field 3 (state): cutime is field 16 → index 13, cstime field 17 → index 14.
    return { user: Number(fields[13]) / tick, system: Number(fields[14]) / tick };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`cpu-time: ${command}: ${error.message}`);
  writeFileSync(out, JSON.stringify(childrenCpu()));
  process.exit(127);
});
child.on('close', (code, signal) => {
  writeFileSync(out, JSON.stringify(childrenCpu()));
  process.exit(code ?? (signal ? 128 : 1));
});
