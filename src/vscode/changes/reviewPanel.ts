import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';

/** The one command a review panel's links may run: open a file at a line. */
export const OPEN_LOCATION_COMMAND = CommandIds.openReviewLocation;

/**
 * A `command:` link that opens `file` (absolute) at `line` (1-based); with `revision` (a commit id,
 * `''` for the index) the file as it is at that revision (see RevisionDocuments).
 */
export function locationLink(file: string, line: number, revision?: string): string {
  const args = revision === undefined ? [file, line] : [file, line, revision];
  return `command:${OPEN_LOCATION_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * The "Explain Changes" panel: the review's Markdown rendered on the extension side like the
 * Explain panel (markdown-it, raw HTML off) and stricter still: images off, no script at all, and
 * the only link that renders is one to {@link OPEN_LOCATION_COMMAND}, the only command the webview
 * may run. Model text reaches it escaped (core `escapeMarkdown`), so a model cannot add links.
 *
 * Why not the Explain panel itself: its webview enables no command links, and a webview only
 * opens http(s), mailto, vscode: and command: links — none of which can open a workspace line
 * in code-server or a remote window without a command.
 */
export class ReviewPanel implements vscode.Disposable {
  static readonly viewType = 'routecraft.explainChanges';
  private panel: vscode.WebviewPanel | undefined;
  private readonly markdown = new MarkdownIt({ html: false, linkify: false, breaks: false });
  private state = { title: '', status: '', markdown: '' }; // l10n: no words
  /** The repository of the review shown: its files may be opened from the links. */
  root: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.markdown.disable('image');
    this.markdown.validateLink = (url: string): boolean => url.startsWith(`command:${OPEN_LOCATION_COMMAND}?`);
  }

  /** Opens (or reuses) the panel for a new review. */
  begin(title: string, status: string, root: string): void {
    this.state = { title, status, markdown: '' };
    this.root = root;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(ReviewPanel.viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [OPEN_LOCATION_COMMAND],
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.render();
  }

  status(text: string): void {
    this.state = { ...this.state, status: text };
    this.render();
  }

  /** The finished review. */
  finish(markdown: string, status = ''): void {
    this.state = { ...this.state, markdown, status };
    this.render();
  }

  /** The rendered HTML of the review (for tests: what the webview shows). */
  get html(): string {
    return this.markdown.render(this.state.markdown);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private render(): void {
    if (!this.panel) {
      return;
    }
    this.panel.title = this.state.title;
    const webview = this.panel.webview;
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'explain.css')).toString();
    const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
    webview.html = `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${esc(this.state.title)}</title></head>
<body>
<header><div id="status" role="status">${esc(this.state.status)}</div></header>
<main id="content">${this.html}</main>
</body></html>`;
  }
}
