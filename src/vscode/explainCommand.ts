import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import { explainCode } from '../core/explain';
import type { LlmClient } from '../core/llm/types';
import { abortSignalFrom } from './cancellation';
import type { ExplainPanel } from './explainPanel';
import { readSettings } from './settings';

/** What the command resolves to (used by tests and by other commands). */
export type ExplainOutcome =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ExplainDeps {
  readonly panel: ExplainPanel;
  readonly createClient: (scope: vscode.Uri) => Promise<LlmClient>;
  readonly reportError: (message: string) => void;
}

/** "Routecraft: Explain Selection": the selection (or the code at the cursor) explained beside the editor. */
export async function explainSelection(deps: ExplainDeps): Promise<ExplainOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Routecraft: open a file and select the code to explain.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Routecraft: Explain sends the selected code to your LLM server, which is disabled in Restricted Mode. Trust this workspace to use it.');
    return undefined;
  }
  const document = editor.document;
  const settings = readSettings(document.uri);
  const displayPath = document.uri.scheme === 'file' || document.uri.scheme === 'vscode-remote' ? vscode.workspace.asRelativePath(document.uri) : document.fileName;
  const selection = editor.selection;
  const startLine = selection.start.line + 1;
  const endLine = selection.end.line + 1;
  const where = selection.isEmpty ? `${displayPath}:${startLine} (code at the cursor)` : `${displayPath}:${startLine}-${endLine}`;
  const client = await deps.createClient(document.uri);

  deps.panel.begin(`Explain: ${displayPath.split('/').pop() ?? displayPath}`, where);
  deps.panel.status(`Asking ${settings.llm.model} at ${settings.llm.baseUrl}…`);
  const started = Date.now();

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Routecraft', cancellable: true },
    async (progress, token): Promise<ExplainOutcome> => {
      progress.report({ message: `Explaining ${where} with ${settings.llm.model}…` });
      const abort = abortSignalFrom(token);
      let received = 0;
      try {
        const result = await explainCode(
          client,
          { displayPath, fileText: document.getText(), start: document.offsetAt(selection.start), end: document.offsetAt(selection.end), maxLines: settings.maxContextLines },
          {
            signal: abort.signal,
            onDelta: (delta) => {
              if (received === 0) {
                deps.panel.status('Streaming…');
              }
              received += delta.length;
              deps.panel.append(delta);
            },
          },
        );
        switch (result.kind) {
          case 'ok': {
            const { answer } = result.value;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            const tokens = answer.usage ? `, ${answer.usage.promptTokens} tokens in / ${answer.usage.completionTokens} out` : '';
            deps.panel.finish(answer.text, `${answer.model}, ${seconds} s${tokens}`);
            return { kind: 'ok', text: answer.text };
          }
          case 'cancelled':
            deps.panel.fail('Cancelled.');
            return { kind: 'cancelled' };
          case 'invalid': {
            const message = `The model's answer could not be used: ${result.issues.join('; ')}`;
            deps.panel.fail(message);
            deps.reportError(message);
            return { kind: 'failed', message };
          }
          case 'failed': {
            const message = result.error.message;
            deps.panel.fail(message);
            deps.reportError(message);
            return { kind: 'failed', message };
          }
        }
      } catch (error) {
        const message = describeError(error);
        deps.panel.fail(message);
        deps.reportError(message);
        return { kind: 'failed', message };
      } finally {
        abort.dispose();
      }
    },
  );
}
