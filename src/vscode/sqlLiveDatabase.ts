import * as vscode from 'vscode';
import type { GeneratedQuery } from '../core/sql/generateQuery';
import { liveDatabaseFromEnv, type LiveDatabase } from '../core/sql/live/databaseUrl';
import { explainOnDatabase } from '../core/sql/live/explainLive';
import { introspectDatabase } from '../core/sql/live/introspectLive';
import type { SchemaModel } from '../core/sql/schema/schemaModel';
import type { LiveSection } from './queryProofView';

/** The live database of `routecraft.sql.databaseUrlEnv`, and whether to introspect it; nothing is read when no variable is named. */
export interface LiveSettings {
  readonly database?: LiveDatabase;
  readonly introspect: boolean;
  /** Why the named variable cannot be used (shown; the query is still generated without it). */
  readonly problem?: string;
}

/** Reads the settings; the connection string comes from the extension host's environment, never from settings. */
export function liveSettings(scope: vscode.Uri, env: NodeJS.ProcessEnv = process.env): LiveSettings {
  const config = vscode.workspace.getConfiguration('routecraft', scope);
  const lookup = liveDatabaseFromEnv(config.get<string>('sql.databaseUrlEnv', ''), env);
  const introspect = config.get<boolean>('sql.introspectDatabase', false);
  return lookup.kind === 'ok' ? { database: lookup.database, introspect } : lookup.kind === 'invalid' ? { introspect: false, problem: lookup.message } : { introspect: false };
}

/** The database's schema for the prompt's comparison, or why it could not be read. */
export async function introspectForEditor(database: LiveDatabase, signal: AbortSignal): Promise<{ kind: 'ok'; schema: SchemaModel } | { kind: 'failed'; message: string }> {
  const result = await introspectDatabase(database, { signal });
  return result.kind === 'ok' ? { kind: 'ok', schema: result.value } : { kind: 'failed', message: result.kind === 'cancelled' ? vscode.l10n.t('cancelled') : result.message };
}

/** Runs EXPLAIN (never ANALYZE) of the proven query on the database, with progress; the section for the proof view. */
export async function explainForEditor(database: LiveDatabase, generated: GeneratedQuery): Promise<LiveSection> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Routecraft: EXPLAIN on ${0} (read-only)', database.envName), cancellable: true }, async (_progress, token) => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const result = await explainOnDatabase(database, generated.query.sql, generated.query.parameterValues, { signal: abort.signal });
      return result.kind === 'ok'
        ? { envName: database.envName, ms: result.ms, lines: result.value.lines }
        : { envName: database.envName, error: result.kind === 'cancelled' ? vscode.l10n.t('cancelled') : result.message };
    } finally {
      subscription.dispose();
    }
  });
}
