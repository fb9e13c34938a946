import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKey';
import { baseUrlSetting } from './settings';

interface ServerChoice extends vscode.QuickPickItem {
  readonly baseUrl?: string;
  readonly model?: string;
}

const PRESETS: readonly { readonly label: string; readonly baseUrl: string; readonly model: string }[] = [
  { label: 'Ollama', baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5-coder:7b' },
  { label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', model: 'qwen2.5-coder-7b-instruct' },
  { label: 'vLLM', baseUrl: 'http://localhost:8000/v1', model: 'Qwen/Qwen2.5-Coder-7B-Instruct' },
  { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' },
  { label: 'DeepSeek', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat' },
  { label: 'Qwen (DashScope)', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', model: 'qwen-plus' },
];

/**
 * "Routecraft: Configure Server and Model" (also a click on the status bar item): pick a server
 * (a preset or any URL), then the model; written to the user settings. A remote server without a
 * saved key asks for one (bound to that server). Resolves with the chosen URL and model.
 */
export async function configureServer(apiKeys: ApiKeyStore): Promise<{ baseUrl: string; model: string } | undefined> {
  const current = baseUrlSetting(undefined);
  const config = vscode.workspace.getConfiguration('routecraft');
  const items: ServerChoice[] = [
    ...PRESETS.map((p) => ({ label: p.label, description: p.baseUrl, baseUrl: p.baseUrl, model: p.model, picked: p.baseUrl === current.value })),
    { label: vscode.l10n.t('Other server…'), description: vscode.l10n.t('any OpenAI-compatible URL') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Routecraft: server (now {0})', current.value),
    placeHolder: vscode.l10n.t('Local servers need no key; hosted ones ask for their key once.'),
  });
  if (!picked) {
    return undefined;
  }
  const baseUrl = picked.baseUrl ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Routecraft: server URL'),
    prompt: vscode.l10n.t('Base URL of an OpenAI-compatible server, up to but not including /chat/completions.'),
    value: current.value,
    validateInput: (v) => (/^https?:\/\/[^\s/]+/.test(v.trim()) ? undefined : vscode.l10n.t('An http(s) URL, e.g. https://api.openai.com/v1')),
  }))?.trim();
  if (!baseUrl) {
    return undefined;
  }
  const model = (await vscode.window.showInputBox({
    title: vscode.l10n.t('Routecraft: model'),
    prompt: vscode.l10n.t('The model name as {0} knows it.', baseUrl),
    value: picked.model ?? config.get<string>('llm.model', ''),
  }))?.trim();
  if (!model) {
    return undefined;
  }
  await config.update('llm.baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('llm.model', model, vscode.ConfigurationTarget.Global);
  const now = baseUrlSetting(undefined);
  if (now.source === 'workspace' || now.source === 'workspaceFolder') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: saved in your user settings, but this workspace\'s settings name {0}, which takes precedence here.', now.value));
  }
  const resolved = await apiKeys.resolve(undefined);
  if (resolved.slot.kind === 'slot' && !resolved.slot.loopback && !resolved.key && resolved.source !== 'workspace' && resolved.source !== 'workspaceFolder') {
    await apiKeys.promptAndStore(undefined);
  }
  return { baseUrl, model };
}
