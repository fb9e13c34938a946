import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

/** The URI scheme of every proposed (right-hand) and empty (left-hand, new file) review document. */
export const PROPOSAL_SCHEME = 'routecraft-proposal';

type Kind = 'proposed' | 'empty';

/**
 * Read-only documents for one review: the proposed text of every file (what applying would write,
 * updated as hunks are taken or left) and an empty original for new files, so the multi-file diff
 * editor can show each change. Their URIs carry the file's own path (the review labels them like
 * the file, not as a rename) and the session and kind in the query. Dispose when the review ends.
 */
export class ProposalDocuments implements vscode.Disposable {
  private readonly session = randomUUID();
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;

  constructor(private readonly root: string, files: readonly { readonly path: string; readonly after: string }[]) {
    for (const file of files) {
      this.texts.set(this.proposedUri(file.path).toString(), file.after);
      this.texts.set(this.emptyUri(file.path).toString(), '');
    }
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.texts.get(uri.toString()) ?? '',
    });
  }

  /** The document showing what applying would write to `path`. */
  proposedUri(path: string): vscode.Uri {
    return this.uri(path, 'proposed');
  }

  /** The empty left side of a new file. */
  emptyUri(path: string): vscode.Uri {
    return this.uri(path, 'empty');
  }

  /** The relative path a proposed document of this review stands for, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== PROPOSAL_SCHEME || uri.query !== this.query('proposed')) {
      return undefined;
    }
    const rootPath = vscode.Uri.file(this.root).path.replace(/\/$/, '');
    return uri.path.startsWith(`${rootPath}/`) ? uri.path.slice(rootPath.length + 1) : undefined;
  }

  /** Replaces the proposed text of `path`; open editors update. */
  update(path: string, text: string): void {
    const uri = this.proposedUri(path);
    if (this.texts.get(uri.toString()) !== text) {
      this.texts.set(uri.toString(), text);
      this.changed.fire(uri);
    }
  }

  private uri(path: string, kind: Kind): vscode.Uri {
    const file = vscode.Uri.joinPath(vscode.Uri.file(this.root), ...path.split('/'));
    return file.with({ scheme: PROPOSAL_SCHEME, query: this.query(kind) });
  }

  private query(kind: Kind): string {
    return `session=${this.session}&kind=${kind}`;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
