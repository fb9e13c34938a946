import * as vscode from 'vscode';
import type * as AdapterModule from './vscode/adapter';
import { allCommandIds, CommandIds, WALKTHROUGH_ID, type CommandId } from './vscode/commandIds';
import { ServerStatusBar } from './vscode/serverStatusBar';

const WALKTHROUGH_SHOWN = 'routecraft.walkthroughShown';

/**
 * Activation registers the commands, shows the server/model status bar item and, on the first run,
 * the walkthrough; nothing else. The adapter (openai, ts-morph, markdown-it) is a separate bundle,
 * dist/adapter.js, required on the first command that needs it.
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
  const light: Partial<Record<CommandId, () => Thenable<unknown>>> = {
    [CommandIds.openWalkthrough]: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
  };
  for (const id of allCommandIds) {
    const handler = light[id];
    context.subscriptions.push(vscode.commands.registerCommand(id, handler ?? ((...args: unknown[]) => load().run(id, args))));
  }
  context.subscriptions.push(new ServerStatusBar());
  openWalkthroughOnFirstRun(context);
}

/**
 * The first activation after install opens the walkthrough, unless the user turned that off; not
 * in an Extension Development Host or a test run (the tests open it through its command).
 */
function openWalkthroughOnFirstRun(context: vscode.ExtensionContext): void {
  if (context.extensionMode !== vscode.ExtensionMode.Production || context.globalState.get<boolean>(WALKTHROUGH_SHOWN)) {
    return;
  }
  void context.globalState.update(WALKTHROUGH_SHOWN, true);
  if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) {
    void vscode.commands.executeCommand(CommandIds.openWalkthrough);
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
