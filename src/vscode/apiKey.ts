import * as vscode from 'vscode';

const SECRET_KEY = 'routecraft.llm.apiKey';

/** The API key lives only in VS Code's secret storage (the OS keychain), never in settings. */
export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(SECRET_KEY)) || undefined;
  }

  /** Asks for the key in a password box; returns true when one was stored. */
  async promptAndStore(): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: 'Routecraft: Set API Key',
      prompt: 'API key for your OpenAI-compatible server. Stored in the OS keychain through VS Code secret storage. Leave empty for local servers that need none.',
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'sk-…',
    });
    if (value === undefined) {
      return false;
    }
    if (value.trim() === '') {
      await this.secrets.delete(SECRET_KEY);
      void vscode.window.showInformationMessage('Routecraft: API key cleared.');
      return false;
    }
    await this.secrets.store(SECRET_KEY, value.trim());
    void vscode.window.showInformationMessage('Routecraft: API key stored in secret storage.');
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    void vscode.window.showInformationMessage('Routecraft: API key cleared.');
  }
}
