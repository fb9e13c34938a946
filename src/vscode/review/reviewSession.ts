import * as vscode from 'vscode';
import type { Baseline } from '../../core/changes/captureBaseline';
import type { ChangeSet } from '../../core/changes/changeSet';
import { ReviewSelection, type FileSelection } from '../../core/changes/reviewSelection';
import { fileUri } from './applyReviewEdit';
import { ProposalDocuments } from './proposalDocuments';

/** How a review ended. `skipped` lists files left out entirely; partly taken files are in `written`. */
export type ReviewOutcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[] }
  | { readonly kind: 'discarded' }
  | { readonly kind: 'stale'; readonly files: readonly string[] };

/** What a command hands to the review besides the change set. */
export interface ReviewRequest {
  readonly label: string;
  /** Opened after applying when written (e.g. the new route file). */
  readonly mainFile?: string;
  /** Files read when generation started (see the core's `captureBaseline`); checked before writing. */
  readonly baseline?: Baseline;
}

/** Starts a review and resolves when it is applied, discarded or refused as stale. */
export type Reviewer = (changeSet: ChangeSet, request: ReviewRequest) => Promise<ReviewOutcome>;

/**
 * One open review: which files and hunks are taken (the core's ReviewSelection), the proposal
 * documents showing exactly what applying would write, and the type errors left in them as
 * diagnostics on the proposed side.
 */
export class ReviewSession implements vscode.Disposable {
  readonly selection: ReviewSelection;
  readonly docs: ProposalDocuments;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires whenever a file or hunk is taken or left. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly changeSet: ChangeSet,
    readonly request: ReviewRequest,
    private readonly diagnostics: vscode.DiagnosticCollection,
    readonly finish: (outcome: ReviewOutcome) => void,
  ) {
    this.selection = new ReviewSelection(changeSet);
    this.docs = new ProposalDocuments(changeSet.root, changeSet.files);
    this.render();
  }

  get title(): string {
    return vscode.l10n.t('Routecraft: {0}', this.request.label);
  }

  /** The `vscode.changes` resource list: [file, original, proposal] per file, new files against empty. */
  resources(): [vscode.Uri, vscode.Uri, vscode.Uri][] {
    return this.changeSet.files.map((f) => {
      const uri = fileUri(this.changeSet.root, f.path);
      return [uri, f.before === undefined ? this.docs.emptyUri(f.path) : uri, this.docs.proposedUri(f.path)];
    });
  }

  /** The selection of the file a proposal document shows, with its path. */
  fileFor(uri: vscode.Uri): (FileSelection & { readonly path: string }) | undefined {
    const path = this.docs.pathOf(uri);
    const file = path === undefined ? undefined : this.selection.file(path);
    return path !== undefined && file ? { ...file, path } : undefined;
  }

  toggleHunk(path: string, index: number): boolean {
    const file = this.selection.file(path);
    const hunk = file?.selected.hunks[index];
    return hunk !== undefined && this.update(this.selection.setHunk(path, index, !hunk.taken));
  }

  /** Takes exactly the hunks `taken` answers true for (one render for the whole choice). */
  setHunks(taken: (path: string, index: number) => boolean): void {
    let ok = false;
    for (const change of this.changeSet.files) {
      for (const hunk of this.selection.file(change.path)?.selected.hunks ?? []) {
        ok = this.selection.setHunk(change.path, hunk.index, taken(change.path, hunk.index)) || ok;
      }
    }
    this.update(ok);
  }

  toggleFile(path: string): boolean {
    return this.selection.file(path) !== undefined && this.update(this.selection.setFile(path, !this.selection.isTaken(path)));
  }

  /** "3 of 5 files" (a partly taken file counts as taken). */
  summary(): string {
    const all = this.changeSet.files.length;
    return vscode.l10n.t('{0} of {1} files', all - this.selection.leftFiles().length, all);
  }

  private update(ok: boolean): boolean {
    if (ok) {
      this.render();
      this.changed.fire();
    }
    return ok;
  }

  private render(): void {
    const selected = this.selection.selectedChangeSet();
    for (const change of this.changeSet.files) {
      const file = this.selection.file(change.path);
      this.docs.update(change.path, file ? file.selected.text : change.after);
      const taken = selected.files.find((f) => f.path === change.path);
      this.diagnostics.set(this.docs.proposedUri(change.path), (taken?.diagnostics ?? []).map((d) => {
        const line = Math.max(0, d.line - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, Math.max(0, d.column - 1), line, Number.MAX_SAFE_INTEGER), d.message, d.category === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Routecraft (ts)';
        diagnostic.code = d.code;
        return diagnostic;
      }));
    }
  }

  dispose(): void {
    this.diagnostics.clear();
    this.docs.dispose();
    this.changed.dispose();
  }
}
