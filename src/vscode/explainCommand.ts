import * as vscode from 'vscode';
import { explainCode, type Explanation } from '../core/explain';
import type { ChatAnswer, LlmClient } from '../core/llm/types';
import { withCancellableProgress } from './cancellableProgress';
import { settleInEditor } from './llmOutcome';
import { trustedOrExplain } from './restrictedMode';
import { explainInputFromEditor } from './explainInput';
import type { ExplainPanel } from './explainPanel';
import type { RoutecraftSettings } from './settings';

/** What the command resolves to (used by tests and by other commands). */
export type ExplainOutcome =
  | { readonly kind: 'ok'; readonly text: string; readonly cached: boolean }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ExplainDeps {
  readonly panel: ExplainPanel;
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient; settings: RoutecraftSettings }>;
  readonly reportError: (message: string) => void;
}

/** "Routecraft: Explain Selection": the selection (or the code at the cursor) explained beside the editor. */
export async function explainSelection(deps: ExplainDeps, options: { readonly cache: 'use' | 'bypass'; readonly command: string }): Promise<ExplainOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: open a file and select the code to explain.'));
    return undefined;
  }
  if (!trustedOrExplain(vscode.l10n.t('Explain sends the selected code to your LLM server.'))) {
    return undefined;
  }
  const { client, settings } = await deps.createClient(editor.document.uri);
  const found = await explainInputFromEditor(editor, settings);
  if (found.kind === 'refused') {
    deps.reportError(found.message);
    return { kind: 'failed', message: found.message };
  }
  const { input, where } = found;
  deps.panel.begin(vscode.l10n.t('Explain: {0}', input.displayPath.split('/').pop() ?? input.displayPath), where);
  deps.panel.status(vscode.l10n.t('Asking {0} at {1}…', settings.llm.model, settings.llm.baseUrl));
  const started = Date.now();

  return withCancellableProgress<ExplainOutcome>(
    'Routecraft', // l10n: no words
    async (progress, signal) => {
      progress.report({ message: vscode.l10n.t('Explaining {0} with {1}…', where, settings.llm.model) });
      let streaming = false;
      const result = await explainCode(client, input, {
        signal,
        cache: options.cache,
        command: options.command,
        onDelta: (delta) => {
          if (!streaming) {
            streaming = true;
            deps.panel.status(vscode.l10n.t('Streaming…'));
          }
          deps.panel.append(delta);
        },
      });
      return settleInEditor<Explanation, ExplainOutcome>(result, {
        ok: ({ answer }) => {
          deps.panel.finish(answer.text, footer(answer, Date.now() - started));
          return { kind: 'ok', text: answer.text, cached: answer.cached === true };
        },
        cancelled: () => {
          deps.panel.fail(vscode.l10n.t('Cancelled.'));
          return { kind: 'cancelled' };
        },
        failed: (message) => failed(deps, message),
      });
    },
    (message) => failed(deps, message),
  );
}

function failed(deps: ExplainDeps, message: string): ExplainOutcome {
  deps.panel.fail(message);
  deps.reportError(message);
  return { kind: 'failed', message };
}

function footer(answer: ChatAnswer, ms: number): string {
  const parts = [answer.model];
  if (answer.cached) {
    parts.push(vscode.l10n.t('from cache, 0 tokens'));
  } else {
    parts.push(vscode.l10n.t('{0} s', (ms / 1000).toFixed(1)));
    if (answer.usage) {
      parts.push(vscode.l10n.t('{0} tokens in / {1} out', answer.usage.promptTokens, answer.usage.completionTokens));
    }
  }
  const redacted = Object.entries(answer.redactions ?? {});
  if (redacted.length > 0) {
    parts.push(vscode.l10n.t('redacted before sending: {0}', redacted.map(([category, n]) => `${n} ${category}`).join(', ')));
  }
  return parts.join(', ');
}
