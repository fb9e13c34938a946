import * as vscode from 'vscode';
import type { Baseline } from '../../core/changes/captureBaseline';
import type { ChangeSet } from '../../core/changes/changeSet';
import { findStaleFiles } from '../../core/changes/findStaleFiles';
import { describeError } from '../../core/errors';
import { CommandIds } from '../commandIds';
import { applyReviewEdit, fileUri } from './applyReviewEdit';
import { AppliedChangeWatcher, openChangedFiles } from './appliedChange';
import { readEditorFileState } from './editorFileReader';
import { PROPOSAL_SCHEME } from './proposalDocuments';
import { pickReviewChanges } from './pickReviewChanges';
import { reviewLenses } from './reviewLenses';
import { ReviewSession, type ReviewOutcome, type ReviewRequest } from './reviewSession';
import { ReviewStatusBar } from './reviewStatusBar';

export type { ReviewOutcome, ReviewRequest, Reviewer } from './reviewSession';

/** The context key that is true while a review is pending (menus, keybindings, status bar). */
export const REVIEW_OPEN_CONTEXT = 'routecraft.reviewOpen';

/** The review commands, dispatched to `ReviewController.run`. */
export const REVIEW_COMMANDS = [CommandIds.applyReview, CommandIds.discardReview, CommandIds.showReview, CommandIds.toggleReviewChange, CommandIds.toggleReviewFile, CommandIds.pickReviewChanges] as const;
export type ReviewCommandId = (typeof REVIEW_COMMANDS)[number];

/** True for the commands `ReviewController.run` handles. */
export function isReviewCommand(id: string): id is ReviewCommandId {
  return (REVIEW_COMMANDS as readonly string[]).includes(id);
}

/**
 * Reviews a ChangeSet in VS Code's multi-file diff editor (`vscode.changes`): every proposed file in
 * one scrollable editor, original left, proposal right (new files against empty). CodeLenses on the
 * proposed side take or leave a file or a hunk and the proposal shows what applying would write;
 * type errors left are diagnostics there. Apply (editor title, status bar, Ctrl+Alt+Enter) writes
 * the taken parts as one WorkspaceEdit; Discard writes nothing. Staleness is the core's check
 * (`findStaleFiles` with the generation's baseline), reading unsaved buffers too. One review at a time.
 */
export class ReviewController implements vscode.Disposable {
  private session: ReviewSession | undefined;
  /** True while Apply runs, so a second press (key repeat, double click) does not write twice. */
  private applying = false;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('routecraft-review');
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly status = new ReviewStatusBar();
  /** Keeps an applied change undoable as one and saves what Undo restores. */
  private readonly applied = new AppliedChangeWatcher();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.lensesChanged, this.status, this.applied];
  /**
   * The last cursor placed in a proposal: an editor-title action or the status bar takes focus (and
   * the active editor) away from the inner editor of the multi-file review, not the cursor.
   */
  private lastCursor: { readonly uri: string; readonly line: number } | undefined;

  constructor() {
    this.disposables.push(vscode.window.onDidChangeTextEditorSelection((e) => {
      // Only moves by the user or a command (e.g. the review's Next Change): re-rendering a proposal moves cursors too.
      if (e.kind === undefined) {
        return;
      }
      const active = e.selections[0]?.active;
      this.lastCursor = e.textEditor.document.uri.scheme === PROPOSAL_SCHEME && active ? { uri: e.textEditor.document.uri.toString(), line: active.line } : undefined;
    }));
    this.disposables.push(vscode.languages.registerCodeLensProvider({ scheme: PROPOSAL_SCHEME }, {
      onDidChangeCodeLenses: this.lensesChanged.event,
      provideCodeLenses: (document) => {
        const file = this.session?.fileFor(document.uri);
        return file ? reviewLenses(file, document.lineCount) : [];
      },
    }));
  }

  /** Shows the review; resolves when it is applied, discarded, replaced by another or refused as stale. */
  async review(changeSet: ChangeSet, request: ReviewRequest): Promise<ReviewOutcome> {
    const stale = await this.staleFiles(changeSet, request.baseline);
    if (stale.length > 0) {
      return { kind: 'stale', files: stale };
    }
    if (this.session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: the pending review "{0}" was discarded for the new one.', this.session.request.label));
      await this.end({ kind: 'discarded' });
    }
    const outcome = new Promise<ReviewOutcome>((resolve) => {
      this.session = new ReviewSession(changeSet, request, this.diagnostics, resolve);
    });
    const session = this.session;
    if (session) {
      session.onDidChange(() => {
        this.lensesChanged.fire();
        this.status.show(session.summary());
      });
      this.status.show(session.summary());
      await vscode.commands.executeCommand('setContext', REVIEW_OPEN_CONTEXT, true);
      await this.show();
    }
    return outcome;
  }

  /** Runs one of the review commands (from the editor title, a CodeLens, the status bar or a key). */
  async run(id: ReviewCommandId, args: readonly unknown[]): Promise<unknown> {
    const session = this.session;
    if (!session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: no review is pending.'));
      return undefined;
    }
    switch (id) {
      case CommandIds.applyReview:
        return this.apply(session);
      case CommandIds.discardReview:
        await this.end({ kind: 'discarded' });
        return true;
      case CommandIds.showReview:
        await this.show();
        return true;
      case CommandIds.toggleReviewFile: {
        const path = typeof args[0] === 'string' ? args[0] : this.atCursor(session)?.path;
        return path === undefined ? noTarget() : session.toggleFile(path);
      }
      case CommandIds.pickReviewChanges:
        return pickReviewChanges(session);
      case CommandIds.toggleReviewChange: {
        // From a CodeLens: (path, hunk index); from a key, the editor title or the context menu: the cursor.
        const target = typeof args[0] === 'string' && typeof args[1] === 'number' ? { path: args[0], index: args[1] } : this.atCursor(session);
        return target?.index === undefined ? noTarget() : session.toggleHunk(target.path, target.index);
      }
    }
  }

  private async apply(session: ReviewSession): Promise<boolean> {
    if (this.applying) {
      return false;
    }
    this.applying = true;
    try {
      return await this.applyNow(session);
    } finally {
      this.applying = false;
    }
  }

  private async applyNow(session: ReviewSession): Promise<boolean> {
    const selected = session.selection.selectedChangeSet();
    if (selected.files.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: every change is left out. Take a change, or discard the review.'));
      return false;
    }
    const stale = await this.staleFiles(selected, session.request.baseline);
    if (stale.length > 0) {
      await this.end({ kind: 'stale', files: stale });
      return false;
    }
    let written: readonly string[];
    try {
      written = await applyReviewEdit(selected, session.request.label);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Routecraft: {0}', describeError(error)));
      return false;
    }
    this.applied.track(selected);
    const skipped = session.selection.leftFiles();
    const { mainFile, label } = session.request;
    const open = mainFile !== undefined && written.includes(mainFile) ? mainFile : written[0];
    await openChangedFiles(selected, open);
    await this.end({ kind: 'applied', written, skipped });
    if (open !== undefined) {
      // Focused, so Ctrl+Z right after Apply undoes the whole change.
      await vscode.window.showTextDocument(fileUri(selected.root, open), { preview: false });
    }
    void vscode.window.showInformationMessage(skipped.length > 0
      ? vscode.l10n.t('Routecraft: {0} — wrote {1} file(s), left out {2}. One Undo restores every file.', label, written.length, skipped.length)
      : vscode.l10n.t('Routecraft: {0} — wrote {1} file(s). One Undo restores every file.', label, written.length));
    return true;
  }

  private async show(): Promise<void> {
    const session = this.session;
    if (session) {
      await vscode.commands.executeCommand('vscode.changes', session.title, session.resources());
    }
  }

  private async end(outcome: ReviewOutcome): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    this.session = undefined;
    this.lastCursor = undefined;
    this.status.hide();
    await vscode.commands.executeCommand('setContext', REVIEW_OPEN_CONTEXT, false);
    await closeReviewTabs(session.title);
    session.dispose();
    this.lensesChanged.fire();
    session.finish(outcome);
  }

  /** The file and hunk under the cursor: where the user last clicked or moved in a proposal, else the active editor's. */
  private atCursor(session: ReviewSession): { path: string; index: number | undefined } | undefined {
    const editor = vscode.window.activeTextEditor;
    const cursor = this.lastCursor
      ? { uri: vscode.Uri.parse(this.lastCursor.uri), line: this.lastCursor.line }
      : editor && { uri: editor.document.uri, line: editor.selection.active.line };
    const file = cursor ? session.fileFor(cursor.uri) : undefined;
    if (!cursor || !file) {
      return undefined;
    }
    const line = cursor.line;
    const hunk = [...file.selected.hunks].reverse().find((h) => h.line <= line) ?? file.selected.hunks[0];
    return { path: file.path, index: hunk?.index };
  }

  private async staleFiles(changeSet: ChangeSet, baseline: Baseline | undefined): Promise<string[]> {
    return (await findStaleFiles(changeSet.root, changeSet, baseline, readEditorFileState)).map((f) => f.path);
  }

  dispose(): void {
    const session = this.session;
    this.session = undefined;
    session?.dispose();
    session?.finish({ kind: 'discarded' });
    for (const d of this.disposables.splice(0).reverse()) {
      d.dispose();
    }
  }
}

/** A take/leave at the cursor with no proposal under the cursor: say where to put it. */
function noTarget(): false {
  void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: put the cursor in a change on the proposed (right) side of the review, then take or leave it.'));
  return false;
}

/** Closes the review's multi-file diff tab (its label is the title) and any single diff of a proposal. */
async function closeReviewTabs(title: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => isProposalTab(t) || (t.label === title && !(t.input instanceof vscode.TabInputText)));
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs, true);
  }
}

function isProposalTab(tab: vscode.Tab): boolean {
  const input: unknown = tab.input;
  if (input instanceof vscode.TabInputTextDiff) {
    return input.modified.scheme === PROPOSAL_SCHEME;
  }
  const diffs = (input as { readonly textDiffs?: unknown } | undefined)?.textDiffs;
  return Array.isArray(diffs) && diffs.some((d: unknown) => d instanceof vscode.TabInputTextDiff && d.modified.scheme === PROPOSAL_SCHEME);
}
