import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { createAnswerRenderer, explainPanelCsp, isOpenableLink, locationIndexOf } from '../core/explain/renderAnswer';

interface PanelState {
  html: string;
  status: string;
  statusIsError: boolean;
  error: string;
  footer: string;
}

/** A workspace file and 1-based line an answer links to (see `locationHref`). */
export interface PanelLocation {
  readonly uri: vscode.Uri;
  readonly line: number;
}

const empty = (): PanelState => ({ html: '', status: vscode.l10n.t('Waiting for the model…'), statusIsError: false, error: '', footer: '' });

/**
 * The "Explain" panel beside the editor: Markdown streamed in, rendered on the extension side
 * (model output is untrusted: no raw HTML, images as text, links opened only through VS Code's
 * opener), shown in a webview whose CSP allows nothing remote.
 */
export class ExplainPanel implements vscode.Disposable {
  static readonly viewType = 'routecraft.explain';
  private panel: vscode.WebviewPanel | undefined;
  private readonly markdown = { render: createAnswerRenderer() };
  private text = '';
  private state: PanelState = empty();
  private webviewReady = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private locations: readonly PanelLocation[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Opens (or reuses) the panel for a new explanation and clears it. */
  begin(title: string, where: string): void {
    this.text = '';
    this.locations = [];
    this.cancelFlush();
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        ExplainPanel.viewType,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.cancelFlush();
      });
      this.panel.webview.onDidReceiveMessage((message: { type?: string; href?: unknown }) => {
        if (message.type === 'ready') {
          this.webviewReady = true;
          this.push();
        } else if (message.type === 'open' && typeof message.href === 'string') {
          const index = locationIndexOf(message.href);
          if (index === undefined) {
            openLink(message.href);
          } else {
            const location = this.locations[index];
            if (location && vscode.workspace.getWorkspaceFolder(location.uri)) {
              void openLocation(location);
            }
          }
        }
      });
    } else {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.state = empty();
    this.webviewReady = false;
    this.panel.webview.html = this.html(this.panel.webview, where);
  }

  /** Appends streamed Markdown; repaints at most every 80 ms. */
  append(delta: string): void {
    this.text += delta;
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.update({ html: this.markdown.render(this.text) });
      }, 80);
    }
  }

  status(text: string): void {
    this.update({ status: text, statusIsError: false });
  }

  /**
   * Final content: replaces whatever streamed (the cached or complete answer). `locations` are the
   * targets of the answer's `locationHref(i)` links; only files inside a workspace folder open.
   */
  finish(text: string, footer: string, locations: readonly PanelLocation[] = []): void {
    this.cancelFlush();
    this.text = text;
    this.locations = locations;
    this.update({ html: this.markdown.render(text), status: '', footer });
  }

  fail(message: string): void {
    this.cancelFlush();
    this.update({ html: this.markdown.render(this.text), status: vscode.l10n.t('Failed'), statusIsError: true, error: message });
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    this.cancelFlush();
    this.panel?.dispose();
  }

  /** The current state as shown (or about to be shown) in the webview. */
  get current(): Readonly<PanelState> {
    return this.state;
  }

  private update(change: Partial<PanelState>): void {
    this.state = { ...this.state, ...change };
    this.push();
  }

  private push(): void {
    if (this.panel && this.webviewReady) {
      void this.panel.webview.postMessage({ type: 'state', ...this.state });
    }
  }

  private cancelFlush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
  }

  private html(webview: vscode.Webview, where: string): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${explainPanelCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('explain.css')}">
<title>Routecraft: Explain</title></head>
<body>
<header><div class="where">${esc(where)}</div><div id="status">${esc(this.state.status)}</div></header>
<div id="error" role="alert"></div>
<main id="content"></main>
<footer id="footer"></footer>
<script nonce="${nonce}" src="${media('explain.js')}"></script>
</body></html>`;
  }
}

/** Opens a location of the answer in an editor, the cursor at its line. */
async function openLocation(location: PanelLocation): Promise<void> {
  const position = new vscode.Position(Math.max(0, location.line - 1), 0);
  await vscode.window.showTextDocument(location.uri, { selection: new vscode.Range(position, position), preview: true, viewColumn: vscode.ViewColumn.One });
}

/**
 * A link clicked in an answer: only http(s) and mailto targets, and only through VS Code's opener
 * (`openExternal`, which asks before opening a site outside the trusted domains).
 */
function openLink(href: string): void {
  if (isOpenableLink(href)) {
    void vscode.env.openExternal(vscode.Uri.parse(href.trim(), true));
  }
}
