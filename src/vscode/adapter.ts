import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import { createLlmClient } from '../core/llm/openaiClient';
import type { LlmClient } from '../core/llm/types';
import { ApiKeyStore } from './apiKey';
import { CommandIds, type CommandId } from './commandIds';
import { explainSelection } from './explainCommand';
import { ExplainPanel } from './explainPanel';
import { OutputLogger } from './outputLogger';
import { readSettings } from './settings';

/**
 * The extension once a command has run: owns the output channel, the panels and the secrets.
 * Loaded lazily by extension.ts (bundled separately as dist/adapter.js).
 */
export class Routecraft implements vscode.Disposable {
  private readonly logger = new OutputLogger();
  private readonly apiKeys: ApiKeyStore;
  private readonly explainPanel: ExplainPanel;

  constructor(context: vscode.ExtensionContext) {
    this.apiKeys = new ApiKeyStore(context.secrets);
    this.explainPanel = new ExplainPanel(context.extensionUri);
  }

  async run(id: CommandId): Promise<unknown> {
    try {
      switch (id) {
        case CommandIds.explainSelection:
          return await explainSelection({
            panel: this.explainPanel,
            createClient: (scope) => this.createClient(scope),
            reportError: (message) => this.reportError(message),
          });
        case CommandIds.setApiKey:
          return await this.apiKeys.promptAndStore();
        case CommandIds.clearApiKey:
          return await this.apiKeys.clear();
        case CommandIds.showLog:
          this.logger.channel.show(true);
          return undefined;
      }
    } catch (error) {
      this.reportError(describeError(error));
      this.logger.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  private async createClient(scope: vscode.Uri): Promise<LlmClient> {
    const { llm } = readSettings(scope);
    return createLlmClient({ ...llm, apiKey: await this.apiKeys.get() }, this.logger);
  }

  /** A notification with the clear message and ways to act on it; details stay in the log. */
  private reportError(message: string): void {
    this.logger.error(message);
    void vscode.window.showErrorMessage(`Routecraft: ${message}`, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'routecraft.llm');
      } else if (choice === 'Show Log') {
        this.logger.channel.show(true);
      }
    });
  }

  dispose(): void {
    this.explainPanel.dispose();
    this.logger.dispose();
  }
}
