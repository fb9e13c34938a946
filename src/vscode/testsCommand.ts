import * as vscode from 'vscode';
import type { LlmClient } from '../core/llm/types';
import type { Logger } from '../core/util/logger';
import type { TestRunnerName } from '../core/project/projectFacts';
import { formatSummary, generateTests, type TestsSummary } from '../core/testgen/generateTests';
import type { ModelRequest } from '../core/projectModel';
import { withCancellableProgress } from './cancellableProgress';
import { withProjectModel, type ProjectModelProvider } from './projectModel/editorProjectModels';
import { trustedOrExplain } from './restrictedMode';
import type { ReviewOutcome, Reviewer } from './review/changeReview';

export interface TestsDeps {
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient }>;
  readonly reportError: (message: string) => void;
  readonly logger: Logger;
  readonly showLog: () => void;
  /** Shows the change in the multi-file review (see ReviewController). */
  readonly review: Reviewer;
  /** The window's project models: the second generation in a folder reuses what the first one read. */
  readonly models?: ProjectModelProvider;
}

/** `model` says what the folder's project model reused for this generation. */
export type TestsOutcome =
  | (ReviewOutcome & { readonly summary: TestsSummary; readonly model?: ModelRequest })
  | { readonly kind: 'none-kept'; readonly summary: TestsSummary; readonly model?: ModelRequest }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Routecraft: Generate Tests": tests for the function, method, class or route handler at the
 * cursor, run twice with the project's runner in a temporary copy; only passing ones are offered.
 */
export async function generateTestsCommand(deps: TestsDeps): Promise<TestsOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: put the cursor in the function, method, class or route handler to test.'));
    return undefined;
  }
  if (!trustedOrExplain(vscode.l10n.t('Generate Tests sends code to your LLM server and runs tests.'))) {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: the file must belong to an open project folder.'));
    return undefined;
  }
  if (editor.document.isDirty && !(await confirmSave(editor.document))) {
    return undefined;
  }
  const { client } = await deps.createClient(folder.uri);
  const file = vscode.workspace.asRelativePath(editor.document.uri, false);
  let testRunner: TestRunnerName | undefined;
  for (;;) {
    let model: ModelRequest | undefined;
    const result = await withCancellableProgress(
      vscode.l10n.t('Routecraft: Generate Tests'),
      async (progress, signal) => {
        const generated = await withProjectModel(deps.models, folder, 'routecraft.generateTests', (projectModel) => generateTests({
          ...(projectModel ? { model: projectModel } : {}),
          root: folder.uri.fsPath,
          target: { file, offset: editor.document.offsetAt(editor.selection.active) },
          llm: client,
          testRunner,
          coverage: true,
          signal,
          command: 'routecraft.generateTests',
          onProgress: (message) => progress.report({ message }),
        }));
        model = generated.model;
        return generated.result;
      },
      (message) => ({ kind: 'error' as const, message }),
    );
    switch (result.kind) {
      case 'needs-input': {
        const pick = await vscode.window.showQuickPick([...result.choices], { title: vscode.l10n.t('Routecraft: which test runner does this project use?') });
        testRunner = result.choices.find((choice) => choice === pick);
        if (!testRunner) {
          return undefined;
        }
        continue;
      }
      case 'error':
        deps.reportError(result.message);
        return { kind: 'failed', message: result.message };
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'failed':
        deps.reportError(result.error.message);
        return { kind: 'failed', message: result.error.message };
      case 'invalid': {
        const message = vscode.l10n.t('The model\'s answer could not be used; nothing was changed. {0}', result.issues.slice(0, 3).join('; '));
        deps.reportError(message);
        return { kind: 'failed', message };
      }
      case 'none-kept':
        logSummary(deps.logger, result.summary);
        void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: {0}. No test both compiled and passed twice, so nothing is offered.', formatSummary(result.summary)), showDetails()).then((c) => c && deps.showLog());
        return { kind: 'none-kept', summary: result.summary, ...(model ? { model } : {}) };
      case 'ok': {
        logSummary(deps.logger, result.summary);
        void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: {0}.', formatSummary(result.summary)), showDetails()).then((c) => c && deps.showLog());
        const outcome = await deps.review(result.changeSet, { label: result.changeSet.summary, mainFile: result.summary.testFile });
        return { ...outcome, summary: result.summary, ...(model ? { model } : {}) };
      }
    }
  }
}

const showDetails = (): string => vscode.l10n.t('Show Details');

/** Generate Tests reads the saved file: asks before saving unsaved changes (Cancel: nothing happens). */
async function confirmSave(document: vscode.TextDocument): Promise<boolean> {
  const save = vscode.l10n.t('Save and Generate');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Routecraft: {0} has unsaved changes.', vscode.workspace.asRelativePath(document.uri, false)),
    { modal: true, detail: vscode.l10n.t('Generate Tests reads and runs the saved file. Save it now?') },
    save,
  );
  return choice === save && (await document.save());
}

/** The details a reviewer wants: what was dropped and why, possible bugs with their errors, coverage. */
function logSummary(logger: Logger, s: TestsSummary): void {
  logger.info(formatSummary(s));
  for (const d of s.dropped) {
    logger.info(`  dropped "${d.title}": ${d.reason}`);
  }
  for (const b of s.suspectedBugs) {
    logger.warn(`  possible bug — "${b.title}" fails on an assertion:\n${b.error}`);
  }
  if (s.coverageNote) {
    logger.info(`  ${s.coverageNote}`);
  }
}
