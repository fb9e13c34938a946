import * as vscode from 'vscode';
import type { ChangeSet } from '../../core/changes/changeSet';
import { fileUri } from './applyReviewEdit';

/** A changed (not created) file of an applied review: what Undo and Redo bring it back to. */
interface TrackedFile {
  readonly uri: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Keeps the workspace edit of an applied review undoable as one, and the disk in step with it.
 *
 * VS Code keeps a changed file's part of the edit only while its text model lives: a saved file
 * shown in no editor loses its model once the review's diff editor closes, and the next Undo then
 * drops that part silently — in code-server, Ctrl+Z in the route file Apply opened did nothing. So
 * the changed files are opened (in the background, main file last and focused); while their tabs
 * are open, Ctrl+Z or Edit → Undo in ANY file of the change restores all of them.
 *
 * Undo deletes the created files from disk but only reverts the changed files' text; this saves a
 * changed file when an Undo brings it back to exactly its `before` (and a Redo to its `after`), so
 * the disk matches the editor again: after one Undo every file is as before, in the editor and on disk.
 */
export class AppliedChangeWatcher implements vscode.Disposable {
  private readonly tracked = new Map<string, TrackedFile>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      // A closed file's model is gone, and with it the Undo of its part: stop tracking it.
      vscode.workspace.onDidCloseTextDocument((d) => this.tracked.delete(d.uri.toString())),
    );
  }

  /** Tracks the changed files of `applied` (new files need nothing: Undo deletes them from disk). */
  track(applied: ChangeSet): void {
    for (const file of applied.files) {
      if (file.before !== undefined && file.before !== file.after) {
        const uri = fileUri(applied.root, file.path).toString();
        this.tracked.set(uri, { uri, before: file.before, after: file.after });
      }
    }
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const file = this.tracked.get(e.document.uri.toString());
    // (Not gated on isDirty: the extension host may learn of the dirty state after the change; saving a clean file writes nothing.)
    if (!file || e.reason === undefined) {
      return;
    }
    const text = e.document.getText();
    const target = e.reason === vscode.TextDocumentChangeReason.Undo ? file.before : file.after;
    if (text === target) {
      void e.document.save();
    }
  }

  dispose(): void {
    this.tracked.clear();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}

/**
 * Opens every changed (not created) file of an applied review in a background tab, which keeps its
 * part of the edit undoable (see {@link AppliedChangeWatcher}). Called before the review's diff
 * editor closes, so the files' models never go away in between. `except`: the main file, shown last.
 */
export async function openChangedFiles(applied: ChangeSet, except: string | undefined): Promise<void> {
  for (const file of applied.files) {
    if (file.before !== undefined && file.path !== except) {
      await vscode.window.showTextDocument(fileUri(applied.root, file.path), { preview: false, preserveFocus: true });
    }
  }
}
