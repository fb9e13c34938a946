import * as vscode from 'vscode';
import type { ChangeSet } from '../../core/changes/changeSet';

/** The URI of a change set's relative path. */
export function fileUri(root: string, path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.file(root), ...path.split('/'));
}

/**
 * Writes the taken files as ONE WorkspaceEdit (new files created with their content, changed files
 * replaced in their documents), so a single Undo restores every file; then saves the changed
 * documents. Returns the written paths; throws when VS Code refuses the edit (nothing written).
 */
export async function applyReviewEdit(changeSet: ChangeSet, label: string): Promise<readonly string[]> {
  const edit = new vscode.WorkspaceEdit();
  for (const file of changeSet.files) {
    const uri = fileUri(changeSet.root, file.path);
    if (file.before === undefined) {
      edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(file.after) });
    } else {
      const document = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), file.after);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: false }))) {
    throw new Error(vscode.l10n.t('VS Code refused the edit for "{0}"; nothing was written.', label));
  }
  for (const file of changeSet.files) {
    if (file.before !== undefined) {
      const document = await vscode.workspace.openTextDocument(fileUri(changeSet.root, file.path));
      if (document.isDirty) {
        await document.save();
      }
    }
  }
  return changeSet.files.map((f) => f.path);
}
