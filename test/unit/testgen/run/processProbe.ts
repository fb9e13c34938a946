import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) {
    return true;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  } catch {
    return false;
  }
}

/** Pids of processes (Linux /proc) whose working directory is inside `dir`. */
export function processesIn(dir: string): number[] {
  if (!existsSync('/proc')) {
    return [];
  }
  const real = realpathSync(dir);
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if ((cwd === real || cwd.startsWith(`${real}/`)) && isAlive(Number(name))) {
        found.push(Number(name));
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** Waits (bounded) until `condition` holds; for the kernel to finish delivering a kill. */
export async function eventually(condition: () => boolean, attempts = 100): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (condition()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

/** Path → sha256 of every file under `dir`, not following node_modules. */
export function snapshotTree(dir: string, rel = '', out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.name === 'node_modules') {
      out.set(path, entry.isSymbolicLink() ? `link:${readlinkSync(join(dir, path))}` : 'dir');
    } else if (entry.isDirectory()) {
      snapshotTree(dir, path, out);
    } else {
      out.set(path, createHash('sha256').update(readFileSync(join(dir, path))).digest('hex'));
    }
  }
  return out;
}
