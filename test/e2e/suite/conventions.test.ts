// Conventions in the real extension host: the walkthrough opens from its command, and the extension
// is active without any command having run (status bar item from activation on).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'routecraft.routecraft';

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
}

describe('Walkthrough and activation (extension host)', function () {
  this.timeout(60_000);

  it('is active after startup, before any Routecraft command ran', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension under development is loaded');
    await waitFor('activation', () => (extension.isActive ? true : undefined));
  });

  it('opens the "Get Started with Routecraft" walkthrough from its command', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('routecraft.openWalkthrough');
    const label = await waitFor(`a walkthrough tab (tabs: ${tabLabels().join(', ')})`, () => tabLabels().find((l) => /Routecraft|Walkthrough|Welcome/i.test(l)));
    assert.ok(label);
    console.log(`      walkthrough tab: ${label}`);
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(active?.label, label, `the walkthrough is the active tab (tabs: ${tabLabels().join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
