import * as vscode from 'vscode';
import { readFileState, type FileState } from '../../core/changes/readFileState';

/**
 * What a path holds for the user right now: the text of its open editor (saved or not), else the
 * disk. Passed to the core's `findStaleFiles`, so an unsaved edit counts as a change.
 */
export async function readEditorFileState(absolutePath: string): Promise<FileState> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absolutePath);
  return open ? { kind: 'file', text: open.getText() } : readFileState(absolutePath);
}
