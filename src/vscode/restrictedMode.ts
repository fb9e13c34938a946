import * as vscode from 'vscode';

/**
 * In Restricted Mode the commands stay in the palette and menus; run, they say why they will not
 * work and offer to manage workspace trust. Returns true when the command may go on.
 */
export function trustedOrExplain(why: string): boolean {
  if (vscode.workspace.isTrusted) {
    return true;
  }
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: {0} This is disabled in Restricted Mode; trust this workspace to use it.', why), manage).then((choice) => {
    if (choice === manage) {
      void vscode.commands.executeCommand('workbench.trust.manage');
    }
  });
  return false;
}
