import * as vscode from 'vscode';
import type * as AdapterModule from './vscode/adapter';
import { allCommandIds } from './vscode/commandIds';

/**
 * Activation registers the commands and nothing else. The adapter (openai, ts-morph, markdown-it)
 * is a separate bundle, dist/adapter.js, required on the first command.
 */
export function activate(context: vscode.ExtensionContext): void {
  let routecraft: AdapterModule.Routecraft | undefined;
  const load = (): AdapterModule.Routecraft => {
    if (!routecraft) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const adapter = require('./adapter.js') as typeof AdapterModule;
      routecraft = new adapter.Routecraft(context);
      context.subscriptions.push(routecraft);
    }
    return routecraft;
  };
  for (const id of allCommandIds) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => load().run(id, args)));
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
