import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

export interface ProposalDocuments {
  readonly scheme: string;
  proposedUri(file: { readonly path: string }): vscode.Uri;
  originalUri(root: vscode.Uri, file: { readonly path: string; readonly before: string | undefined }): vscode.Uri;
  dispose(): void;
}

/**
 * Read-only documents for one review: the proposed text of every file, and an empty original for
 * new files, so that `vscode.diff` can show each change side by side. Dispose when the review ends.
 */
export function proposalDocuments(changeSet: { readonly files: readonly { readonly path: string; readonly before: string | undefined; readonly after: string }[] }): ProposalDocuments {
  const scheme = 'routecraft-proposal';
  const session = randomUUID();
  const texts = new Map<string, string>();
  for (const file of changeSet.files) {
    texts.set(`/${session}/proposed/${file.path}`, file.after);
    texts.set(`/${session}/empty/${file.path}`, '');
  }
  const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, {
    provideTextDocumentContent: (uri) => texts.get(uri.path) ?? '',
  });
  return {
    scheme,
    proposedUri: (file: { readonly path: string }) => vscode.Uri.from({ scheme, path: `/${session}/proposed/${file.path}` }),
    /** The file as it is now (on disk or in its editor), or an empty document for a new file. */
    originalUri: (root: vscode.Uri, file: { readonly path: string; readonly before: string | undefined }) =>
      file.before === undefined ? vscode.Uri.from({ scheme, path: `/${session}/empty/${file.path}` }) : vscode.Uri.joinPath(root, ...file.path.split('/')),
    dispose: (): void => {
      registration.dispose();
    },
  };
}
