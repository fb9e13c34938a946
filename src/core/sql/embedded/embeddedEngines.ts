import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SqlJsStatic } from 'sql.js';

/** Options of the embedded engines. */
export interface EmbeddedEnginesOptions {
  /**
   * Where a freshly initialised Postgres data directory is kept (a 40 MB tarball): loading it
   * instead of running initdb cuts PGlite's start from ~35 s to ~9 s on a busy 2-core machine.
   * Absent: every start runs initdb.
   */
  readonly cacheDir?: string;
}

/**
 * The embedded databases one command (or one test file) uses, started on first use and kept warm:
 * PGlite (Postgres in WASM) and sql.js (SQLite in WASM). Each proof runs in a transaction that is
 * rolled back (Postgres) or in a fresh in-memory database (SQLite), so runs never see each other.
 */
export class EmbeddedEngines {
  private pg: Promise<PGlite> | undefined;
  private sqlite: Promise<SqlJsStatic> | undefined;

  constructor(private readonly options: EmbeddedEnginesOptions = {}) {}

  /** The warm PGlite instance. */
  postgres(): Promise<PGlite> {
    this.pg ??= startPglite(this.options.cacheDir);
    return this.pg;
  }

  /** The sql.js module (each proof opens its own in-memory database). */
  sqliteModule(): Promise<SqlJsStatic> {
    this.sqlite ??= import('sql.js').then((m) => (m.default as unknown as () => Promise<SqlJsStatic>)());
    return this.sqlite;
  }

  /** Stops PGlite if it was started. */
  async close(): Promise<void> {
    const pg = this.pg;
    this.pg = undefined;
    if (pg) {
      await (await pg).close();
    }
  }
}

async function startPglite(cacheDir: string | undefined): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const tarball = cacheDir === undefined ? undefined : join(cacheDir, 'pglite-datadir-0.5.tar');
  if (tarball !== undefined && existsSync(tarball)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([await readFile(tarball)]) });
    } catch {
      // A damaged cache: fall through to a fresh initdb, which rewrites it.
    }
  }
  const db = await PGlite.create();
  if (tarball !== undefined) {
    try {
      const dump = await db.dumpDataDir('none');
      await mkdir(cacheDir!, { recursive: true });
      const temp = `${tarball}.${process.pid}.tmp`;
      await writeFile(temp, Buffer.from(await dump.arrayBuffer()));
      await rename(temp, tarball);
    } catch {
      // The cache only saves time; a read-only cache folder is fine.
    }
  }
  return db;
}
