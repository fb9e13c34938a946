import * as vscode from 'vscode';
import { failingTestOf, rerunFailingTest, type RerunOutcome, type Triage } from '../../core/triage';
import type { ReviewOutcome, Reviewer } from '../review/changeReview';

/** Opens `path` (project-relative) at a 1-based line. */
export async function openAt(root: string, path: string, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.Uri.file(root), ...path.split('/')));
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: true });
}

/** A quick pick of the evidence and the project frames; the chosen one opens at its line. */
export async function goToLocation(root: string, triage: Triage): Promise<void> {
  const items = [
    ...triage.evidence.map((e) => ({ label: `$(search) ${e.file}:${e.line}`, description: e.why ?? vscode.l10n.t('evidence'), path: e.file, line: e.line })),
    ...triage.context.log.problems.flatMap((p) =>
      p.frames.filter((f) => f.mapped).map((f) => ({ label: `$(debug-stackframe) ${f.mapped!.path}:${f.mapped!.line}`, description: f.functionName ?? '', path: f.mapped!.path, line: f.mapped!.line })),
    ),
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Routecraft: go to evidence or frame') });
  if (choice) {
    await openAt(root, choice.path, choice.line);
  }
}

/**
 * The fix through the shared review; when the input was a failing test and the fix was applied,
 * offers to run that test again and reports whether it passes now.
 */
export async function reviewFix(root: string, triage: Triage, review: Reviewer): Promise<{ review: ReviewOutcome; rerun?: RerunOutcome } | undefined> {
  if (!triage.fix) {
    return undefined;
  }
  const mainFile = triage.fix.changeSet.files[0]?.path;
  const outcome = await review(triage.fix.changeSet, { label: triage.fix.summary, ...(mainFile !== undefined ? { mainFile } : {}) });
  const test = triage.context.log.problems.map(failingTestOf).find((t) => t !== undefined);
  if (outcome.kind !== 'applied' || !test) {
    return { review: outcome };
  }
  const run = vscode.l10n.t('Run the Test Again');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: fix applied. Run "{0}" again?', test.title), run);
  if (choice !== run) {
    return { review: outcome };
  }
  const rerun = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Routecraft: running {0}', test.testFile), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await rerunFailingTest(root, test, { timeoutMs: 120_000, signal: abort.signal });
      } finally {
        sub.dispose();
      }
    },
  );
  reportRerun(rerun);
  return { review: outcome, rerun };
}

function reportRerun(rerun: RerunOutcome): void {
  switch (rerun.kind) {
    case 'passed':
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: "{0}" passes now.', rerun.title));
      return;
    case 'failed':
      void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: "{0}" still fails: {1}', rerun.title, rerun.error.split('\n')[0] ?? ''));
      return;
    case 'not-run':
      void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: the test was not run: {0}', rerun.reason));
  }
}
