import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

/** The URI scheme of every proposed (right-hand) and empty (left-hand, new file) review document. */
export const PROPOSAL_SCHEME = 'routecraft-proposal';

/**
 * Read-only documents for one review: the proposed text of every file (what applying would write,
 * updated as hunks are taken or left) and an empty original for new files, so the multi-file diff
 * editor can show each change. Dispose when the review ends.
 */
export class ProposalDocuments implements vscode.Disposable {
  private readonly session = randomUUID();
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;

  constructor(files: readonly { readonly path: string; readonly after: string }[]) {
    for (const file of files) {
      this.texts.set(this.proposedUri(file.path).path, file.after);
      this.texts.set(this.emptyUri(file.path).path, '');
    }
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.texts.get(uri.path) ?? '',
    });
  }

  /** The document showing what applying would write to `path`. */
  proposedUri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${this.session}/proposed/${path}` });
  }

  /** The empty left side of a new file. */
  emptyUri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${this.session}/empty/${path}` });
  }

  /** The relative path a proposed document of this review stands for, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const prefix = `/${this.session}/proposed/`;
    return uri.scheme === PROPOSAL_SCHEME && uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
  }

  /** Replaces the proposed text of `path`; open editors update. */
  update(path: string, text: string): void {
    const uri = this.proposedUri(path);
    if (this.texts.get(uri.path) !== text) {
      this.texts.set(uri.path, text);
      this.changed.fire(uri);
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
