import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { readAtRevision } from '../../core/review';

/** The scheme of read-only documents that show a file as it is in a commit (or the index). */
export const REVISION_SCHEME = 'routecraft-revision';

/**
 * Files of a reviewed commit, range, branch or the staged changes, as they are at that revision:
 * a finding of an older change must open the lines it was made on, not today's file on disk.
 * Read-only (a TextDocumentContentProvider); the git extension's `git:` documents are not used
 * because that extension may be off (`git.enabled: false`) or not know the repository.
 * Only repositories a review was shown for are read.
 */
export class RevisionDocuments implements vscode.Disposable {
  private readonly roots = new Set<string>();
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REVISION_SCHEME, {
      provideTextDocumentContent: async (uri, token) => {
        const target = this.parse(uri);
        if (!target) {
          return undefined;
        }
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await readAtRevision(target.root, target.revision, target.path, abort.signal);
        } finally {
          sub.dispose();
        }
      },
    });
  }

  /**
   * The document of `file` (absolute, inside `root`) at `revision` (a commit id, `''` for the index).
   * Its path is the file's own, so the tab shows the file name and the language is detected.
   */
  uri(root: string, revision: string, file: string): vscode.Uri {
    this.roots.add(root);
    return vscode.Uri.file(file).with({ scheme: REVISION_SCHEME, query: new URLSearchParams({ root, revision }).toString() });
  }

  dispose(): void {
    this.registration.dispose();
  }

  private parse(uri: vscode.Uri): { root: string; revision: string; path: string } | undefined {
    const query = new URLSearchParams(uri.query);
    const root = query.get('root');
    const revision = query.get('revision');
    if (root === null || revision === null || !this.roots.has(root)) {
      return undefined;
    }
    const rel = relative(root, uri.fsPath);
    if (rel === '' || rel.startsWith('..')) {
      return undefined;
    }
    return { root, revision, path: rel.split(sep).join('/') };
  }
}
