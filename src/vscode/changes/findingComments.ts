import * as vscode from 'vscode';
import { escapeMarkdown, type ReviewFinding } from '../../core/review';

/** The contextValue of a finding's thread (menus match it). */
export const FINDING_THREAD_CONTEXT = 'routecraft-finding';

/**
 * Review findings as comment threads on the changed files: they show in the diff editor and in the
 * Comments view, and each can be resolved from its title bar (Routecraft: Resolve Finding).
 */
export class FindingComments implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController('routecraft.review', vscode.l10n.t('Routecraft Review'));
  private current: vscode.CommentThread[] = [];

  /**
   * Replaces the threads of the previous review with one thread per finding, on the document
   * `documentOf` gives for a repository-relative path (default: the file under `root`).
   */
  show(root: vscode.Uri, findings: readonly ReviewFinding[], documentOf: (file: string) => vscode.Uri = (file) => vscode.Uri.joinPath(root, ...file.split('/'))): readonly vscode.CommentThread[] {
    this.clear();
    this.current = findings.map((f) => {
      const line = Math.max(0, f.line - 1);
      const body = new vscode.MarkdownString(`**${f.severity}** · ${f.kind}${f.origin === 'rule' ? ` · ${vscode.l10n.t('rule')}` : ''}\n\n${escapeMarkdown(f.message)}`);
      body.isTrusted = false;
      body.supportHtml = false;
      const comment: vscode.Comment = { body, mode: vscode.CommentMode.Preview, author: { name: 'Routecraft' }, contextValue: FINDING_THREAD_CONTEXT };
      const thread = this.controller.createCommentThread(documentOf(f.file), new vscode.Range(line, 0, line, 0), [comment]);
      thread.label = `Routecraft: ${f.severity} · ${f.kind}`;
      thread.contextValue = FINDING_THREAD_CONTEXT;
      thread.canReply = false;
      thread.state = vscode.CommentThreadState.Unresolved;
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      return thread;
    });
    return this.current;
  }

  /** Marks a finding resolved (from its title bar); resolves the first open one when none is given. */
  resolve(thread: vscode.CommentThread | undefined): boolean {
    const target = thread ?? this.current.find((t) => t.state !== vscode.CommentThreadState.Resolved);
    if (!target || !this.current.includes(target)) {
      return false;
    }
    target.state = vscode.CommentThreadState.Resolved;
    target.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
    return true;
  }

  get threads(): readonly vscode.CommentThread[] {
    return this.current;
  }

  clear(): void {
    for (const thread of this.current.splice(0)) {
      thread.dispose();
    }
  }

  dispose(): void {
    this.clear();
    this.controller.dispose();
  }
}
