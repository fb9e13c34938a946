import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { trustedOrExplain } from './restrictedMode';
import type { LlmClient } from '../core/llm/types';
import { EmbeddedEngines } from '../core/sql/embedded/embeddedEngines';
import { generateQuery, type GenerateQueryResult } from '../core/sql/generateQuery';
import { withCancellableProgress } from './cancellableProgress';
import type { QueryProofView } from './queryProofView';
import type { SchemaModel } from '../core/sql/schema/schemaModel';
import { explainForEditor, introspectForEditor, liveSettings } from './sqlLiveDatabase';
import type { ReviewOutcome, Reviewer } from './review/changeReview';

export interface SqlDeps {
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient }>;
  readonly reportError: (message: string) => void;
  /** The shared multi-file review (see ReviewController). */
  readonly review: Reviewer;
  /** The SQL and its proven result, shown beside the editor. */
  readonly proofView: QueryProofView;
}

/** Options of the command (tests and keybindings pass them as its second argument). */
export interface GenerateQueryOptions {
  /** Run EXPLAIN on the configured database right after the proof, without offering it first. */
  readonly explain?: boolean;
  /** Introspect the configured database (overrides `routecraft.sql.introspectDatabase`). */
  readonly introspect?: boolean;
}

export type SqlOutcome = ReviewOutcome | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'questions'; readonly questions: readonly string[] };

/**
 * "Routecraft: Generate Query": a question → SQL checked against the project's schema, proven on an
 * embedded database (SQL + result table shown in a Markdown preview), then the data-layer function
 * and its test through the usual review. `question` lets tests pass the text directly.
 */
export async function generateQueryCommand(deps: SqlDeps, question?: string, options: GenerateQueryOptions = {}): Promise<SqlOutcome | undefined> {
  if (!trustedOrExplain(vscode.l10n.t('Generate Query reads your schema and sends it to your LLM server.'))) {
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: open the project folder first.'));
    return undefined;
  }
  const text = question ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Routecraft: Generate Query'),
    prompt: vscode.l10n.t('Ask in words, e.g. "count, week by week, the paying users who logged in after 3 pm on Wednesdays"'),
    ignoreFocusOut: true,
  }));
  if (!text?.trim()) {
    return undefined;
  }
  const timeZone = await timeZoneFor(folder);
  if (!timeZone) {
    return undefined;
  }
  const live = liveSettings(folder.uri);
  if (live.problem) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: routecraft.sql.databaseUrlEnv is not usable ({0}); the query is generated without the database.', live.problem));
  }
  const { client } = await deps.createClient(folder.uri);
  const engines = new EmbeddedEngines({ cacheDir: join(tmpdir(), 'routecraft-pglite') });
  try {
    const result = await withCancellableProgress<GenerateQueryResult>(
      vscode.l10n.t('Routecraft: Generate Query'),
      async (progress, signal) => {
        let liveSchema: SchemaModel | undefined;
        if (live.database && (options.introspect ?? live.introspect)) {
          progress.report({ message: vscode.l10n.t('Reading the schema of ${0} (read-only)…', live.database.envName) });
          const introspected = await introspectForEditor(live.database, signal);
          if (introspected.kind === 'failed') {
            return { kind: 'failed', message: vscode.l10n.t('Introspection of the database failed: {0}', introspected.message) };
          }
          liveSchema = introspected.schema;
        }
        return generateQuery(client, engines, { root: folder.uri.fsPath, question: text, timeZone, allowWrites: false, signal, command: 'routecraft.generateQuery', onProgress: (message) => progress.report({ message }), liveSchema });
      },
      (message) => ({ kind: 'failed', message }),
    );
    switch (result.kind) {
      case 'cancelled':
        return result;
      case 'failed':
        return failed(deps, result.message);
      case 'invalid':
        return failed(deps, vscode.l10n.t('The query was refused after one repair turn; nothing was changed. {0}', result.errors.slice(0, 3).join('; ')));
      case 'questions':
        void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft needs to know more: {0}', result.answer.questions.join(' ')));
        return { kind: 'questions', questions: result.answer.questions };
      case 'ok':
        await deps.proofView.show(text, timeZone, result.value);
        if (live.database && result.value.dialect === 'postgres') {
          const database = live.database;
          const generated = result.value;
          const explain = async (): Promise<void> => {
            await deps.proofView.show(text, timeZone, generated, await explainForEditor(database, generated));
          };
          if (options.explain) {
            await explain();
          } else {
            const run = vscode.l10n.t('Run EXPLAIN');
            void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: EXPLAIN the proven query on ${0}? It is planned, not run, in a read-only transaction.', database.envName), run).then(async (choice) => {
              if (choice === run) {
                await explain();
              }
            });
          }
        }
        return await deps.review(result.value.changeSet, { label: result.value.changeSet.summary, baseline: result.value.baseline });
    }
    return undefined;
  } finally {
    await engines.close();
  }
}

/** The setting, or asked once and stored in the workspace settings. */
async function timeZoneFor(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration('routecraft', folder.uri);
  const configured = config.get<string>('sql.timeZone', '').trim();
  if (configured) {
    return configured;
  }
  const guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = await vscode.window.showInputBox({
    title: vscode.l10n.t('Routecraft: time zone for weekdays, hours and weeks'),
    value: guess,
    prompt: vscode.l10n.t('An IANA zone such as Europe/Paris or Asia/Shanghai; saved as routecraft.sql.timeZone'),
    ignoreFocusOut: true,
  });
  if (zone?.trim()) {
    await config.update('sql.timeZone', zone.trim(), vscode.ConfigurationTarget.Workspace);
  }
  return zone?.trim() || undefined;
}

function failed(deps: SqlDeps, message: string): SqlOutcome {
  deps.reportError(message);
  return { kind: 'failed', message };
}
