import * as vscode from 'vscode';
import type { ExplainInput } from '../core/explain';
import { excludedFileMessage } from '../core/privacy/excludedFileError';
import { loadExclusion } from '../core/privacy/exclusion';
import type { RoutecraftSettings } from './settings';

/** What Explain (and its prompt preview) would send from the active editor, or why it cannot. */
export type EditorExplainInput =
  | { readonly kind: 'ok'; readonly input: ExplainInput; readonly where: string; readonly document: vscode.TextDocument }
  | { readonly kind: 'refused'; readonly message: string };

export async function explainInputFromEditor(editor: vscode.TextEditor, settings: RoutecraftSettings): Promise<EditorExplainInput> {
  const document = editor.document;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const displayPath = folder ? vscode.workspace.asRelativePath(document.uri, false) : document.fileName;
  if (document.uri.scheme === 'file' || folder) {
    const root = folder?.uri.fsPath ?? vscode.Uri.joinPath(document.uri, '..').fsPath;
    const exclusion = await loadExclusion(root, settings.privacy.exclude);
    if (exclusion.isExcluded(document.uri.fsPath)) {
      return { kind: 'refused', message: excludedFileMessage([displayPath]) };
    }
  }
  const selection = editor.selection;
  const startLine = selection.start.line + 1;
  const endLine = selection.end.line + 1;
  const where = selection.isEmpty ? `${displayPath}:${startLine} (code at the cursor)` : `${displayPath}:${startLine}-${endLine}`;
  return {
    kind: 'ok',
    document,
    where,
    input: {
      displayPath,
      fileText: document.getText(),
      start: document.offsetAt(selection.start),
      end: document.offsetAt(selection.end),
      maxLines: settings.maxContextLines,
    },
  };
}
