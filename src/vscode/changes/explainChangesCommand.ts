import { isAbsolute, join, relative } from 'node:path';
import * as vscode from 'vscode';
import { trustedOrExplain } from '../restrictedMode';
import type { LlmClient } from '../../core/llm/types';
import type { Logger } from '../../core/util/logger';
import { loadExclusion } from '../../core/privacy/exclusion';
import { collectChange, prepareReview, reviewChanges, reviewMarkdown, type ReviewReport } from '../../core/review';
import { withCancellableProgress } from '../cancellableProgress';
import { settleInEditor } from '../llmOutcome';
import type { RoutecraftSettings } from '../settings';
import type { FindingComments } from './findingComments';
import { findRepository, uriFromScmArgument } from './gitRepository';
import { pickChangeSource } from './pickChangeSource';
import { locationLink, type ReviewPanel } from './reviewPanel';
import type { RevisionDocuments } from './revisionDocuments';

/** What the command resolves to (for tests and other commands). */
export type ExplainChangesOutcome =
  | {
      readonly kind: 'ok';
      readonly report: ReviewReport;
      readonly markdown: string;
      /** The panel's rendered HTML. */
      readonly html: string;
      /** The comment threads shown: file and 1-based line. */
      readonly threads: readonly { readonly uri: string; readonly line: number }[];
    }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ExplainChangesDeps {
  readonly panel: ReviewPanel;
  readonly comments: FindingComments;
  /** Files of a commit, range, branch or the index as they are there (findings open on them). */
  readonly revisions: RevisionDocuments;
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient; settings: RoutecraftSettings }>;
  readonly reportError: (message: string) => void;
  readonly logger: Logger;
}

/**
 * "Routecraft: Explain Changes": reviews the working tree, the staged changes, a commit or the
 * branch of the repository the git extension knows (the `git` CLI when it is off); shows the
 * review in a panel whose links open the exact line, and each finding as a comment thread.
 * `args[0]` may be an SCM resource group/state (Source Control menus) or a ChangeSource.
 */
export async function explainChangesCommand(deps: ExplainChangesDeps, args: readonly unknown[], options: { readonly cache: 'use' | 'bypass'; readonly command: string }): Promise<ExplainChangesOutcome | undefined> {
  if (!trustedOrExplain(vscode.l10n.t('Explain Changes sends your changes to your LLM server.'))) {
    return undefined;
  }
  const hint = uriFromScmArgument(args[0]) ?? vscode.window.activeTextEditor?.document.uri;
  const repo = await findRepository(hint);
  if (!repo) {
    return failed(deps, vscode.l10n.t('No git repository found: open a folder that is inside one.'));
  }
  deps.logger.info(`[explain changes] repository ${repo.root} (via ${repo.via})`);
  const source = await pickChangeSource(repo.root, args[0]);
  if (!source) {
    return undefined;
  }
  const rootUri = vscode.Uri.file(repo.root);
  const { client, settings } = await deps.createClient(rootUri);
  return withCancellableProgress<ExplainChangesOutcome>(
    vscode.l10n.t('Routecraft: Explain Changes'),
    async (progress, signal) => {
      progress.report({ message: vscode.l10n.t('Reading the changes…') });
      const change = await collectChange(repo.root, source, signal);
      if (!change) {
        return { kind: 'cancelled' };
      }
      const exclusion = await loadExclusion(repo.root, settings.privacy.exclude);
      const prepared = await prepareReview(change, { maxPromptTokens: settings.review.promptBudget, exclusion, signal });
      if (prepared.files.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: no changes in the {0}.', change.label));
        return { kind: 'failed', message: vscode.l10n.t('No changes.') };
      }
      deps.panel.begin(vscode.l10n.t('Review: {0}', change.label), vscode.l10n.t('Asking {0} at {1}…', settings.llm.model, settings.llm.baseUrl), repo.root);
      const result = await reviewChanges(client, prepared, {
        signal,
        cache: options.cache,
        command: options.command,
        onProgress: (p) => {
          if (p.done < p.total) {
            const message = vscode.l10n.t('Request {0} of {1}: {2}', p.done + 1, p.total, p.files.join(', '));
            progress.report({ message, increment: p.done === 0 ? 0 : 100 / p.total });
            deps.panel.status(message);
          }
        },
      });
      return settleInEditor<ReviewReport, ExplainChangesOutcome>(result, {
        ok: (report) => {
          const revision = change.afterRevision;
          const markdown = reviewMarkdown(report, { link: (file, line) => locationLink(join(repo.root, file), line, revision) });
          const documentOf = (file: string): vscode.Uri => (revision === undefined ? vscode.Uri.joinPath(rootUri, ...file.split('/')) : deps.revisions.uri(repo.root, revision, join(repo.root, file)));
          const threads = deps.comments.show(rootUri, report.findings, documentOf).map((t) => ({ uri: t.uri.toString(), line: (t.range?.start.line ?? 0) + 1 }));
          deps.panel.finish(markdown);
          return { kind: 'ok', report, markdown, html: deps.panel.html, threads };
        },
        cancelled: () => {
          deps.panel.status(vscode.l10n.t('Cancelled.'));
          return { kind: 'cancelled' };
        },
        failed: (message) => failed(deps, message),
      });
    },
    (message) => failed(deps, message),
  );
}

function failed(deps: ExplainChangesDeps, message: string): ExplainChangesOutcome {
  if (deps.panel.isOpen) {
    deps.panel.status(message);
  }
  deps.reportError(message);
  return { kind: 'failed', message };
}

/**
 * Opens `file` at `line` (the panel's links); with `revision` (a string: commit id, `''` for the
 * index) the file as it is at that revision, read-only. Only files inside a workspace folder or
 * inside the repository of the review shown are opened; revisions only inside the latter.
 */
export async function openReviewLocation(file: unknown, line: unknown, reviewRoot: string | undefined, revision: unknown, revisions: RevisionDocuments): Promise<boolean> {
  if (typeof file !== 'string' || typeof line !== 'number' || !Number.isInteger(line)) {
    return false;
  }
  const inReview = reviewRoot !== undefined && !relative(reviewRoot, file).startsWith('..') && !isAbsolute(relative(reviewRoot, file));
  if (typeof revision === 'string' && !inReview) {
    return false;
  }
  const uri = typeof revision === 'string' && reviewRoot !== undefined ? revisions.uri(reviewRoot, revision, file) : vscode.Uri.file(file);
  if (!vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) && !inReview) {
    return false;
  }
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  // The first column: the review panel stays beside it.
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true, viewColumn: vscode.ViewColumn.One });
  return true;
}
