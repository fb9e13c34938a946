import * as vscode from 'vscode';
import { CommandIds } from './commandIds';

/**
 * The server and model in use, in the status bar from activation on; a click changes them.
 * Loaded by extension.ts at activation, so it imports nothing but `vscode`.
 */
export class ServerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('routecraft.server', vscode.StatusBarAlignment.Right, 101);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('Routecraft Server');
    this.item.command = CommandIds.configureServer;
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('routecraft.llm')) {
          this.render();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    ];
    this.render();
    this.item.show();
  }

  /** What the item shows, for tests: text and tooltip. */
  get current(): { readonly text: string; readonly tooltip: string } {
    return { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  private render(): void {
    const scope = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const config = vscode.workspace.getConfiguration('routecraft.llm', scope);
    const baseUrl = config.get<string>('baseUrl', '').trim();
    const model = config.get<string>('model', '').trim();
    const layers = config.inspect<string>('baseUrl');
    const fromWorkspace = Boolean(layers?.workspaceFolderValue?.trim() || layers?.workspaceValue?.trim());
    this.item.text = `$(server) ${model} · ${hostOf(baseUrl)}`; // l10n: no words
    this.item.tooltip = [
      vscode.l10n.t('Routecraft: model {0} at {1}', model, baseUrl),
      ...(fromWorkspace ? [vscode.l10n.t('The server comes from this workspace\'s settings.')] : []),
      vscode.l10n.t('Click to change the server or the model.'),
    ].join('\n');
  }

  dispose(): void {
    for (const s of this.subscriptions) {
      s.dispose();
    }
    this.item.dispose();
  }
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
