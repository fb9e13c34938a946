import * as path from 'node:path';
import * as vscode from 'vscode';
import { FileAuditLog } from '../core/audit/fileAuditLog';
import { createResponseCache } from '../core/cache/createResponseCache';
import type { ResponseCache } from '../core/cache/types';
import { createLlm } from '../core/gateway/createLlm';
import { StructuredOutputMemo } from '../core/llm/responseFormat';
import type { LlmClient } from '../core/llm/types';
import type { Logger } from '../core/util/logger';
import { UsageTracker } from '../core/usage/usageTracker';
import { RoutecraftError } from '../core/errors';
import type { ApiKeyStore } from './apiKey';
import { readSettings, type RoutecraftSettings } from './settings';

/**
 * The long-lived parts of the LLM path in the editor: the response cache (global storage, or Redis),
 * the per-workspace audit log and the session's usage. Every command gets its client from `client()`.
 */
export class LlmServices implements vscode.Disposable {
  readonly usage = new UsageTracker();
  /** Servers that refused `response_format` in this window's session. */
  private readonly structuredOutput = new StructuredOutputMemo();
  private cache: { readonly config: string; readonly store: ResponseCache } | undefined;
  private audit: { readonly config: string; readonly log: FileAuditLog } | undefined;
  private redisNoticeShown = false;
  /** Slots already asked about in this session ("continue without a key" is remembered). */
  private readonly askedSlots = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly apiKeys: ApiKeyStore,
    private readonly logger: Logger,
  ) {}

  /** A gateway client for the current settings at `scope`. */
  async client(scope: vscode.Uri | undefined): Promise<{ client: LlmClient; settings: RoutecraftSettings }> {
    const settings = readSettings(scope);
    this.usage.setOverrides(settings.prices);
    const client = createLlm(
      {
        llm: { ...settings.llm, apiKey: await this.keyFor(scope) },
        privacy: settings.privacy,
        cache: settings.cache.enabled ? await this.cacheFor(settings) : undefined,
        audit: this.auditFor(settings),
        usage: this.usage,
        auditPrompts: settings.audit.includePrompts,
        structuredOutput: this.structuredOutput,
      },
      this.logger,
    );
    return { client, settings };
  }

  /**
   * The key bound to the configured server's origin. A remote server without one is asked about once
   * per session: set a key now (sent only there) or go on without; dismissing sends nothing.
   */
  private async keyFor(scope: vscode.Uri | undefined): Promise<string | undefined> {
    const resolved = await this.apiKeys.resolve(scope);
    const { slot } = resolved;
    if (resolved.key || slot.kind !== 'slot' || slot.loopback || this.askedSlots.has(slot.secretId)) {
      return resolved.key;
    }
    const setKey = vscode.l10n.t('Set API Key');
    const without = vscode.l10n.t('Continue Without Key');
    const detail = slot.bound === 'workspace'
      ? vscode.l10n.t('This server is named by the workspace settings. Keys you saved for your own settings are never sent to it; a key entered now is kept for this workspace and this server only.')
      : vscode.l10n.t('Keys are stored per server: a key is sent only to the server it was saved for.');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: no API key is saved for {0}.', slot.origin), { modal: true, detail }, setKey, without);
    if (choice === setKey) {
      await this.apiKeys.promptAndStore(scope);
      return (await this.apiKeys.resolve(scope)).key;
    }
    if (choice === without) {
      this.askedSlots.add(slot.secretId);
      return undefined;
    }
    throw new RoutecraftError('llm-auth', vscode.l10n.t('No API key for {0}: nothing was sent. Run "Routecraft: Set API Key" to save one for this server.', slot.origin));
  }

  /** The audit log file of this workspace (or of the window when no folder is open). */
  get auditPath(): string {
    const base = this.context.storageUri ?? this.context.globalStorageUri;
    return path.join(base.fsPath, 'audit', 'audit.jsonl');
  }

  async clearCache(): Promise<void> {
    const store = this.cache?.store ?? (await this.cacheFor(readSettings(undefined)));
    await store.clear();
  }

  private async cacheFor(settings: RoutecraftSettings): Promise<ResponseCache> {
    const config = JSON.stringify([settings.cache.redisUrl, settings.cache.ttlMs, settings.cache.maxBytes]);
    if (this.cache?.config !== config) {
      await this.cache?.store.close();
      const store = createResponseCache({
        dir: path.join(this.context.globalStorageUri.fsPath, 'cache'),
        redisUrl: settings.cache.redisUrl,
        ttlMs: settings.cache.ttlMs,
        maxBytes: settings.cache.maxBytes,
        logger: this.logger,
        onNotice: (message) => {
          if (!this.redisNoticeShown) {
            this.redisNoticeShown = true;
            void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: {0}', message));
          }
        },
      });
      this.cache = { config, store };
    }
    return this.cache.store;
  }

  private auditFor(settings: RoutecraftSettings): FileAuditLog {
    const config = JSON.stringify([this.auditPath, settings.audit.maxBytes, settings.audit.keep]);
    if (this.audit?.config !== config) {
      this.audit = { config, log: new FileAuditLog({ path: this.auditPath, maxBytes: settings.audit.maxBytes, keep: settings.audit.keep, logger: this.logger }) };
    }
    return this.audit.log;
  }

  dispose(): void {
    void this.cache?.store.close();
  }
}
