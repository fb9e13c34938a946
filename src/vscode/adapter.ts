import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import { ApiKeyStore } from './apiKey';
import { CommandIds, WALKTHROUGH_ID, type CommandId } from './commandIds';
import { configureServer } from './configureServer';
import { explainChangesCommand, openReviewLocation } from './changes/explainChangesCommand';
import { FindingComments } from './changes/findingComments';
import { ReviewPanel } from './changes/reviewPanel';
import { RevisionDocuments } from './changes/revisionDocuments';
import { generateEndpointCommand } from './endpointCommand';
import { generateQueryCommand } from './sqlCommand';
import { explainSelection } from './explainCommand';
import { explainErrorCommand } from './triage/explainErrorCommand';
import { generateTestsCommand } from './testsCommand';
import { ExplainPanel } from './explainPanel';
import { LlmServices } from './llmServices';
import { OutputLogger } from './outputLogger';
import { PromptPreview } from './promptPreview';
import { QueryProofView } from './queryProofView';
import { EditorProjectModels } from './projectModel/editorProjectModels';
import { isReviewCommand, ReviewController } from './review/changeReview';
import { UsageStatusBar } from './usageStatusBar';

/**
 * The extension once a command has run: owns the output channel, the panels, the LLM services and
 * the status bar. Loaded lazily by extension.ts (bundled separately as dist/adapter.js).
 */
export class Routecraft implements vscode.Disposable {
  private readonly logger = new OutputLogger();
  private readonly apiKeys: ApiKeyStore;
  private readonly explainPanel: ExplainPanel;
  private readonly services: LlmServices;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reviewPanel: ReviewPanel;
  private readonly findingComments: FindingComments;

  constructor(context: vscode.ExtensionContext) {
    this.apiKeys = new ApiKeyStore(context.secrets);
    this.explainPanel = new ExplainPanel(context.extensionUri);
    this.services = new LlmServices(context, this.apiKeys, this.logger);
    this.disposables.push(this.explainPanel, this.services, new UsageStatusBar(this.services.usage), this.logger);
    this.reviewPanel = this.own(new ReviewPanel(context.extensionUri));
    this.findingComments = this.own(new FindingComments());
  }

  private readonly preview = this.own(new PromptPreview());
  private readonly reviews = this.own(new ReviewController());
  private readonly revisions = this.own(new RevisionDocuments());
  private readonly queryProofs = this.own(new QueryProofView());
  /** One project model per workspace folder, kept between Generate Endpoint / Generate Tests requests. */
  private readonly projectModels = this.own(new EditorProjectModels(this.logger));

  async run(id: CommandId, args: readonly unknown[] = []): Promise<unknown> {
    try {
      if (isReviewCommand(id)) {
        return await this.reviews.run(id, args);
      }
      switch (id) {
        case CommandIds.explainSelection:
        case CommandIds.explainSelectionFresh:
          return await explainSelection(
            { panel: this.explainPanel, createClient: (scope) => this.services.client(scope), reportError: (m) => this.reportError(m) },
            { cache: id === CommandIds.explainSelectionFresh ? 'bypass' : 'use', command: id },
          );
        case CommandIds.explainError:
          return await explainErrorCommand({ panel: this.explainPanel, createClient: (scope) => this.services.client(scope), reportError: (m) => this.reportError(m), review: (cs, r) => this.reviews.review(cs, r) }, args[0]);
        case CommandIds.generateEndpoint:
          return await generateEndpointCommand(
            { createClient: (scope) => this.services.client(scope), reportError: (m) => this.reportError(m), review: (cs, r) => this.reviews.review(cs, r), models: this.projectModels },
            typeof args[0] === 'string' ? args[0] : undefined,
          );
        case CommandIds.generateTests:
          return await generateTestsCommand({
            createClient: (scope) => this.services.client(scope),
            reportError: (m) => this.reportError(m),
            logger: this.logger,
            showLog: () => this.logger.channel.show(true),
            review: (cs, r) => this.reviews.review(cs, r),
            models: this.projectModels,
          });
        case CommandIds.generateQuery:
          return await generateQueryCommand({ createClient: (scope) => this.services.client(scope), reportError: (m) => this.reportError(m), review: (cs, r) => this.reviews.review(cs, r), proofView: this.queryProofs }, typeof args[0] === 'string' ? args[0] : undefined, typeof args[1] === 'object' && args[1] !== null ? args[1] : {});
        case CommandIds.previewPrompt:
          return await this.preview.show();
        case CommandIds.setApiKey:
          return await this.apiKeys.promptAndStore(activeScope(), typeof args[0] === 'string' ? args[0] : undefined);
        case CommandIds.clearApiKey:
          return await this.apiKeys.clear(activeScope());
        case CommandIds.openAuditLog:
          return await this.openAuditLog();
        case CommandIds.clearCache:
          await this.services.clearCache();
          void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: response cache cleared.'));
          return true;
        case CommandIds.showUsage:
          return this.showUsage();
        case CommandIds.explainChanges:
          return await explainChangesCommand(
            { panel: this.reviewPanel, comments: this.findingComments, revisions: this.revisions, createClient: (scope) => this.services.client(scope), reportError: (m) => this.reportError(m), logger: this.logger },
            args,
            { cache: 'use', command: id },
          );
        case CommandIds.openReviewLocation:
          return await openReviewLocation(args[0], args[1], this.reviewPanel.root, args[2], this.revisions);
        case CommandIds.resolveFinding:
          return this.findingComments.resolve(args[0] instanceof Object && 'uri' in args[0] ? (args[0] as vscode.CommentThread) : undefined);
        case CommandIds.showLog:
          this.logger.channel.show(true);
          return undefined;
        case CommandIds.configureServer:
          return await configureServer(this.apiKeys);
        case CommandIds.openWalkthrough:
          return await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
      }
    } catch (error) {
      this.reportError(describeError(error));
      this.logger.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  private async openAuditLog(): Promise<string | undefined> {
    const file = this.services.auditPath;
    if (!existsSync(file)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: no LLM call has been made from this workspace yet, so the audit log is empty.'));
      return undefined;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
    return file;
  }

  /** Shows the session's usage; resolves with the summary at once (the message stays until dismissed). */
  private showUsage(): string {
    const summary = this.services.usage.summaryLine();
    // A non-modal notification shows no `detail`: the breakdown by model goes to the log instead,
    // one click away (it is also the status bar item's tooltip).
    this.logger.info(`${summary}\n${this.services.usage.tooltip()}`);
    const details = vscode.l10n.t('Show Details');
    const audit = vscode.l10n.t('Open Audit Log');
    void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: {0}', summary), details, audit).then((choice) => {
      if (choice === details) {
        this.logger.channel.show(true);
      } else if (choice === audit) {
        void this.openAuditLog();
      }
    });
    return summary;
  }

  /** A notification with the clear message and ways to act on it; details stay in the log. */
  private reportError(message: string): void {
    this.logger.error(message);
    const settings = vscode.l10n.t('Open Settings');
    const log = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(vscode.l10n.t('Routecraft: {0}', message), settings, log).then((choice) => {
      if (choice === settings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'routecraft');
      } else if (choice === log) {
        this.logger.channel.show(true);
      }
    });
  }

  private own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      d.dispose();
    }
  }
}

/** The resource whose settings apply: the active editor's file, else the first folder. */
function activeScope(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}
