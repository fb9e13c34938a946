import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { LEGACY_SECRET_ID, keySlot, legacyKeyTarget, type BaseUrlSource, type KeySlot } from '../core/llm/keyBinding';
import { baseUrlSetting } from './settings';

/** The key for the server the settings name at a scope, and where that server comes from. */
export interface ResolvedKey {
  readonly baseUrl: string;
  readonly source: BaseUrlSource;
  readonly slot: KeySlot;
  readonly key: string | undefined;
}

/**
 * API keys live only in VS Code's secret storage (the OS keychain), one per server origin
 * (src/core/llm/keyBinding.ts): a key is sent only to the origin it was saved for, and a server
 * named by workspace settings reads only a key saved for that workspace.
 */
export class ApiKeyStore {
  private migrated: Promise<void> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The key that may go to the server configured at `scope` (undefined: send none). */
  async resolve(scope: vscode.Uri | undefined): Promise<ResolvedKey> {
    await this.migrateOnce();
    const setting = baseUrlSetting(scope);
    const slot = keySlot(setting.value, setting.source, workspaceIdFor(setting.source, scope));
    const key = slot.kind === 'slot' ? (await this.secrets.get(slot.secretId)) || undefined : undefined;
    return { baseUrl: setting.value, source: setting.source, slot, key };
  }

  /**
   * Asks for the key of the server configured at `scope` in a password box (or takes `given`, for
   * scripts and tests) and stores it for that server's origin; returns true when one was stored.
   */
  async promptAndStore(scope: vscode.Uri | undefined, given?: string): Promise<boolean> {
    const { slot, source } = await this.resolve(scope);
    if (slot.kind !== 'slot') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Routecraft: the server URL "{0}" is not an http(s) URL; fix routecraft.llm.baseUrl first.', slot.baseUrl));
      return false;
    }
    const where = source === 'workspace' || source === 'workspaceFolder'
      ? vscode.l10n.t('{0} (named by this workspace\'s settings; the key is kept for this workspace only)', slot.origin)
      : slot.origin;
    const value = given ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Routecraft: API key for {0}', slot.origin),
      prompt: vscode.l10n.t('API key for {0}. Stored in the OS keychain through VS Code secret storage and sent only to this server. Leave empty to remove it.', where),
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'sk-…', // l10n: no words
    }));
    if (value === undefined) {
      return false;
    }
    if (value.trim() === '') {
      await this.secrets.delete(slot.secretId);
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: API key for {0} cleared.', slot.origin));
      return false;
    }
    await this.secrets.store(slot.secretId, value.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: API key for {0} stored in secret storage.', slot.origin));
    return true;
  }

  /** Removes the key of the server configured at `scope`. */
  async clear(scope: vscode.Uri | undefined): Promise<void> {
    const { slot } = await this.resolve(scope);
    if (slot.kind === 'slot') {
      await this.secrets.delete(slot.secretId);
      void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: API key for {0} cleared.', slot.origin));
    }
  }

  /** The single key of older versions moves to the origin of the user-level server, once. */
  private migrateOnce(): Promise<void> {
    this.migrated ??= (async () => {
      const legacy = await this.secrets.get(LEGACY_SECRET_ID);
      if (!legacy) {
        return;
      }
      const target = legacyKeyTarget(baseUrlSetting(undefined).layers, baseUrlSetting(undefined).value);
      if (target.kind === 'slot' && !(await this.secrets.get(target.secretId))) {
        await this.secrets.store(target.secretId, legacy);
      }
      await this.secrets.delete(LEGACY_SECRET_ID);
    })();
    return this.migrated;
  }
}

/** A stable id of the workspace (or folder) whose settings name the server; only for workspace sources. */
function workspaceIdFor(source: BaseUrlSource, scope: vscode.Uri | undefined): string | undefined {
  if (source === 'workspaceFolder') {
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
    return folder ? hash(folder.uri.toString()) : undefined;
  }
  if (source === 'workspace') {
    const id = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return id ? hash(id.toString()) : undefined;
  }
  return undefined;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
