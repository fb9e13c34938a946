import { createPgClient, type PgClient } from './pgModule';
import { redactConnection, type LiveDatabase } from './databaseUrl';

export interface ReadOnlyOptions {
  /** Per statement, enforced by the database (statement_timeout). */
  readonly statementTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

export type LiveResult<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly ms: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' };

/**
 * Runs `work` on the live database inside `BEGIN TRANSACTION READ ONLY` with a `statement_timeout`,
 * then rolls back and disconnects, whatever happened: the database itself refuses any write. Errors
 * come back as text with the connection string redacted; the string is never logged.
 */
export async function withReadOnlySession<T>(database: LiveDatabase, work: (client: PgClient) => Promise<T>, options: ReadOnlyOptions = {}): Promise<LiveResult<T>> {
  const statementTimeout = Math.max(1, Math.round(options.statementTimeoutMs ?? 5000));
  const client = createPgClient({
    connectionString: database.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // The client gives up too, a little after the server should have (a server that ignores the setting).
    query_timeout: statementTimeout + 2000,
    application_name: 'routecraft (read-only)',
  });
  // A dropped connection emits 'error' on the client; without a listener it would crash the process.
  client.on('error', () => undefined);
  const abort = (): void => {
    void client.end().catch(() => undefined);
  };
  if (options.signal?.aborted) {
    return { kind: 'cancelled' };
  }
  options.signal?.addEventListener('abort', abort, { once: true });
  const t0 = Date.now();
  try {
    await client.connect();
    await client.query('BEGIN TRANSACTION READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${statementTimeout}`);
    try {
      const value = await work(client);
      return { kind: 'ok', value, ms: Date.now() - t0 };
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
    }
  } catch (error) {
    if (options.signal?.aborted) {
      return { kind: 'cancelled' };
    }
    return { kind: 'failed', message: `${database.envName}: ${redactConnection(describeLiveError(error), database)}` };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await client.end().catch(() => undefined);
  }
}

function describeLiveError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? (error.message || error.name) : String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT' || /timeout expired|Connection terminated/i.test(text)) {
    return `cannot reach the database (${text}); check that it is running and that the variable points at it.`;
  }
  if (code === '57014') {
    return `the statement took longer than the time limit and was cancelled by the database (${text}).`;
  }
  if (code === '25006') {
    return `refused by the database: ${text} (Routecraft only reads live databases).`;
  }
  return text;
}
