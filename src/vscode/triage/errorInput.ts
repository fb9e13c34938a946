import * as vscode from 'vscode';

/** The failure text to triage and where it came from (shown in the panel header). */
export interface ErrorInput {
  readonly text: string;
  readonly source: string;
}

/**
 * What Explain Error reads: text passed by the caller (tests, other commands), else the active
 * editor's selection, else the clipboard (copied from a terminal, a CI log, the Test Results view).
 */
export async function errorInput(passed: unknown): Promise<ErrorInput | undefined> {
  if (typeof passed === 'string' && passed.trim() !== '') {
    return { text: passed, source: vscode.l10n.t('given text') };
  }
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) {
    const text = editor.document.getText(editor.selection);
    if (text.trim() !== '') {
      return { text, source: vscode.l10n.t('selection in {0}', vscode.workspace.asRelativePath(editor.document.uri, false)) };
    }
  }
  const clipboard = await vscode.env.clipboard.readText();
  return clipboard.trim() === '' ? undefined : { text: clipboard, source: vscode.l10n.t('clipboard') };
}

/** The workspace folder the failure belongs to: the active editor's, the only one, or the user's pick. */
export async function errorFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const owner = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (owner || folders.length <= 1) {
    return owner ?? folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which project does the error come from?') });
}
