import * as vscode from 'vscode';
import { trustedOrExplain } from '../restrictedMode';
import { describeError } from '../../core/errors';
import type { LlmClient } from '../../core/llm/types';
import { loadExclusion } from '../../core/privacy/exclusion';
import { formatTriageMarkdown, triageError, type Triage } from '../../core/triage';
import { withCancellableProgress } from '../cancellableProgress';
import { locationHref } from '../../core/explain/renderAnswer';
import { settleInEditor } from '../llmOutcome';
import type { ExplainPanel, PanelLocation } from '../explainPanel';
import type { RoutecraftSettings } from '../settings';
import { errorFolder, errorInput } from './errorInput';
import type { Reviewer } from '../review/changeReview';
import { goToLocation, reviewFix } from './triageFollowUp';

export interface ExplainErrorDeps {
  readonly panel: ExplainPanel;
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient; settings: RoutecraftSettings }>;
  readonly reportError: (message: string) => void;
  /** The shared multi-file review (see ReviewController). */
  readonly review: Reviewer;
}

/** What the command resolves to (tests read it). */
export type ExplainErrorOutcome =
  | { readonly kind: 'ok'; readonly markdown: string; readonly triage: Triage }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Routecraft: Explain Error": the selected (or copied) stack trace, test failure or compiler output
 * is mapped to the project, explained in the Explain panel with links to file:line, and its fix is
 * offered through the shared review; a fixed failing test can be run again.
 */
export async function explainErrorCommand(deps: ExplainErrorDeps, passed?: unknown): Promise<ExplainErrorOutcome | undefined> {
  if (!trustedOrExplain(vscode.l10n.t('Explain Error sends the error and project code to your LLM server.'))) {
    return undefined;
  }
  const input = await errorInput(passed);
  if (!input) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: select a stack trace or test failure, or copy it to the clipboard, then run Explain Error again.'));
    return undefined;
  }
  const folder = await errorFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: open the project folder first.'));
    return undefined;
  }
  const root = folder.uri.fsPath;
  const { client, settings } = await deps.createClient(folder.uri);
  const exclusion = await loadExclusion(root, settings.privacy.exclude);
  deps.panel.begin(vscode.l10n.t('Explain Error'), input.source);
  deps.panel.status(vscode.l10n.t('Asking {0} at {1}…', settings.llm.model, settings.llm.baseUrl));
  const outcome = await withCancellableProgress<ExplainErrorOutcome>(
    'Routecraft', // l10n: no words
    async (progress, signal) => {
      progress.report({ message: vscode.l10n.t('Explaining the error with {0}…', settings.llm.model) });
      const result = await triageError(client, { text: input.text, root, exclusion }, { signal, command: 'routecraft.explainError' });
      return settleInEditor<Triage, ExplainErrorOutcome>(result, {
        ok: (triage) => {
          const locations: PanelLocation[] = [];
          const markdown = formatTriageMarkdown(triage, (path, line) => linkTo(locations, root, path, line));
          deps.panel.finish(markdown, `${triage.answer.model}${triage.answer.cached ? `, ${vscode.l10n.t('from cache')}` : ''}`, locations);
          return { kind: 'ok', markdown, triage };
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
  if (outcome.kind === 'ok') {
    offerNext(root, outcome.triage, deps);
  }
  return outcome;
}

/** Buttons after the answer: go to a frame or evidence; review the fix (or say why it was refused). */
function offerNext(root: string, triage: Triage, deps: ExplainErrorDeps): void {
  if (triage.fixRefused) {
    deps.reportError(triage.fixRefused);
  }
  const goTo = vscode.l10n.t('Go to…');
  const review = vscode.l10n.t('Review Fix');
  const buttons = triage.fix ? [review, goTo] : [goTo];
  void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: {0}', firstSentence(triage.cause)), ...buttons).then(async (choice) => {
    try {
      if (choice === review) {
        await reviewFix(root, triage, deps.review);
      } else if (choice === goTo) {
        await goToLocation(root, triage);
      }
    } catch (error) {
      deps.reportError(describeError(error));
    }
  });
}

/**
 * A link the Explain panel opens itself (file at line, in any window: desktop, code-server, remote);
 * the location joins the list handed to the panel with the answer.
 */
function linkTo(locations: PanelLocation[], root: string, path: string, line: number): string {
  locations.push({ uri: vscode.Uri.joinPath(vscode.Uri.file(root), ...path.split('/')), line });
  return locationHref(locations.length - 1);
}

function firstSentence(text: string): string {
  const match = /^(.{1,200}?[.!?])(\s|$)/s.exec(text);
  return match ? match[1]! : text.slice(0, 200);
}

function failed(deps: ExplainErrorDeps, message: string): ExplainErrorOutcome {
  deps.panel.fail(message);
  deps.reportError(message);
  return { kind: 'failed', message };
}
