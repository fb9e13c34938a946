import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { AuditEntrySchema, type AuditEntry } from './auditEntry';
import type { AuditLog } from './auditLog';

export const DEFAULT_AUDIT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_AUDIT_KEEP = 5;

export interface FileAuditLogOptions {
  /** The live file, e.g. `<global storage>/audit/audit.jsonl`; directories are created. */
  readonly path: string;
  /** The live file is rotated before a line would take it past this size. */
  readonly maxBytes?: number;
  /** Rotated files kept: `audit.1.jsonl` (newest) … `audit.<keep>.jsonl` (oldest). */
  readonly keep?: number;
  readonly logger?: Logger;
}

/**
 * JSON Lines audit log with size-based rotation. Appends are serialized (one process never
 * interleaves or loses lines); a failed write is logged, never thrown.
 */
export class FileAuditLog implements AuditLog {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly logger: Logger;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: FileAuditLogOptions) {
    this.path = options.path;
    this.maxBytes = options.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
    this.keep = Math.max(0, Math.floor(options.keep ?? DEFAULT_AUDIT_KEEP));
    this.logger = options.logger ?? silentLogger;
  }

  /** The path of rotated file `n` (1 = newest): `audit.jsonl` → `audit.1.jsonl`. */
  rotatedPath(n: number): string {
    const ext = extname(this.path);
    return join(dirname(this.path), `${basename(this.path, ext)}.${n}${ext}`);
  }

  append(entry: AuditEntry): Promise<void> {
    const parsed = AuditEntrySchema.safeParse(entry);
    if (!parsed.success) {
      this.logger.warn(`Audit log: dropped an entry of the wrong shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}).`);
      return Promise.resolve();
    }
    const line = `${JSON.stringify(parsed.data)}\n`;
    const run = this.queue.then(() => this.write(line)).catch((error: unknown) => {
      this.logger.warn(`Audit log: could not write ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.queue = run;
    return run;
  }

  async readEntries(limit?: number): Promise<AuditEntry[]> {
    await this.queue;
    const files = [...Array.from({ length: this.keep }, (_, i) => this.rotatedPath(this.keep - i)), this.path];
    const entries: AuditEntry[] = [];
    for (const file of files) {
      entries.push(...parseLines(await readIfExists(file)));
    }
    return limit === undefined ? entries : entries.slice(Math.max(0, entries.length - limit));
  }

  private async write(line: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const size = await sizeOf(this.path);
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) {
      await this.rotate();
    }
    await appendFile(this.path, line, 'utf8');
  }

  private async rotate(): Promise<void> {
    if (this.keep === 0) {
      await rm(this.path, { force: true });
      return;
    }
    await rm(this.rotatedPath(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      await renameIfExists(this.rotatedPath(n), this.rotatedPath(n + 1));
    }
    await rename(this.path, this.rotatedPath(1));
  }
}

function parseLines(text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    try {
      const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) {
        out.push(parsed.data);
      }
    } catch {
      // A torn or hand-edited line: skipped.
    }
  }
  return out;
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) {
      return '';
    }
    throw error;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isNotFound(error)) {
      return 0;
    }
    throw error;
  }
}

async function renameIfExists(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
