import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import type { LlmClient, Logger } from '../core/llm/types';
import type { TestRunnerName } from '../core/project/projectFacts';
import { formatSummary, generateTests, type TestsSummary } from '../core/testgen/generateTests';
import { abortSignalFrom } from './cancellation';
import type { ReviewOutcome, Reviewer } from './review/changeReview';

export interface TestsDeps {
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient }>;
  readonly reportError: (message: string) => void;
  readonly logger: Logger;
  readonly showLog: () => void;
  /** Shows the change in the multi-file review (see ReviewController). */
  readonly review: Reviewer;
}

export type TestsOutcome =
  | (ReviewOutcome & { readonly summary: TestsSummary })
  | { readonly kind: 'none-kept'; readonly summary: TestsSummary }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

const RUNNERS: readonly TestRunnerName[] = ['vitest', 'jest', 'mocha', 'node:test'];

/**
 * "Routecraft: Generate Tests": tests for the function, method, class or route handler at the
 * cursor, run twice with the project's runner in a temporary copy; only passing ones are offered.
 */
export async function generateTestsCommand(deps: TestsDeps): Promise<TestsOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Routecraft: put the cursor in the function, method, class or route handler to test.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Routecraft: Generate Tests sends code to your LLM server and runs tests, which is disabled in Restricted Mode. Trust this workspace to use it.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  if (!folder) {
    void vscode.window.showWarningMessage('Routecraft: the file must belong to an open project folder.');
    return undefined;
  }
  if (editor.document.isDirty) {
    await editor.document.save();
  }
  const { client } = await deps.createClient(folder.uri);
  const file = vscode.workspace.asRelativePath(editor.document.uri, false);
  let testRunner: TestRunnerName | undefined;
  for (;;) {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Routecraft: Generate Tests', cancellable: true },
      async (progress, token) => {
        const abort = abortSignalFrom(token);
        try {
          return await generateTests({
            root: folder.uri.fsPath,
            target: { file, offset: editor.document.offsetAt(editor.selection.active) },
            llm: client,
            testRunner,
            coverage: true,
            signal: abort.signal,
            command: 'routecraft.generateTests',
            onProgress: (message) => progress.report({ message }),
          });
        } finally {
          abort.dispose();
        }
      },
    ).then(undefined, (error: unknown) => ({ kind: 'error' as const, message: describeError(error) }));
    switch (result.kind) {
      case 'error': {
        if (!testRunner && /test runner/.test(result.message)) {
          const pick = await vscode.window.showQuickPick([...RUNNERS], { title: 'Routecraft: which test runner does this project use?' });
          if (pick) {
            testRunner = pick as TestRunnerName;
            continue;
          }
          return undefined;
        }
        deps.reportError(result.message);
        return { kind: 'failed', message: result.message };
      }
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'failed':
        deps.reportError(result.error.message);
        return { kind: 'failed', message: result.error.message };
      case 'invalid': {
        const message = `The model's answer could not be used; nothing was changed. ${result.issues.slice(0, 3).join('; ')}`;
        deps.reportError(message);
        return { kind: 'failed', message };
      }
      case 'none-kept':
        logSummary(deps.logger, result.summary);
        void vscode.window.showWarningMessage(`Routecraft: ${formatSummary(result.summary)}. No test both compiled and passed twice, so nothing is offered.`, 'Show Details').then((c) => c && deps.showLog());
        return { kind: 'none-kept', summary: result.summary };
      case 'ok': {
        logSummary(deps.logger, result.summary);
        void vscode.window.showInformationMessage(`Routecraft: ${formatSummary(result.summary)}.`, 'Show Details').then((c) => c && deps.showLog());
        const outcome = await deps.review(result.changeSet, { label: result.changeSet.summary, mainFile: result.summary.testFile });
        return { ...outcome, summary: result.summary };
      }
    }
  }
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
