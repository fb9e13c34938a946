import * as vscode from 'vscode';
import { buildExplainContext, buildExplainMessages } from '../core/explain';
import { previewPrompt } from '../core/gateway/preview';
import { explainInputFromEditor } from './explainInput';
import { readSettings } from './settings';
import { ReadOnlyDocuments } from './readOnlyDocuments';

const SCHEME = 'routecraft-preview';

/**
 * "Routecraft: Preview Prompt": a read-only Markdown document with exactly what Explain would send
 * for the current selection, after redaction. Nothing is sent.
 */
export class PromptPreview implements vscode.Disposable {
  private readonly documents = new ReadOnlyDocuments(SCHEME);

  /** Returns the preview text (also shown in an editor), or undefined when there was nothing to preview. */
  async show(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: open a file and select the code whose prompt you want to preview.'));
      return undefined;
    }
    const settings = readSettings(editor.document.uri);
    const found = await explainInputFromEditor(editor, settings);
    if (found.kind === 'refused') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: {0}', found.message));
      return undefined;
    }
    const text = previewPrompt(settings.llm, buildExplainMessages(buildExplainContext(found.input)), settings.privacy);
    const uri = this.documents.put('/Explain prompt.md', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return text;
  }

  dispose(): void {
    this.documents.dispose();
  }
}
