import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** VS Code's Refactor Preview pane (the bulk-edit review that `applyEdit` with needsConfirmation opens). */
export function refactorPreview(page: Page): Locator {
  return page.locator('.bulk-edit-panel');
}

/** A row of the preview tree whose label contains `text` (e.g. a file name). */
export function previewRow(page: Page, text: string): Locator {
  return refactorPreview(page).locator('.monaco-list-row', { hasText: text }).first();
}

/**
 * Ticks every unticked checkbox of the preview tree, as a person does before Apply. VS Code starts
 * entries with `needsConfirmation` unticked (bulkEditPreview: checked = !needsConfirmation), and
 * ticking a file ticks its text edits too, so this re-reads the tree after every click.
 * Returns how many boxes were clicked.
 */
export async function tickAllInPreview(page: Page, maxClicks = 50): Promise<number> {
  const unticked = refactorPreview(page).locator('.monaco-list-row .edit-checkbox:not(.checked)');
  let clicks = 0;
  while (await unticked.count() > 0) {
    if (clicks >= maxClicks) {
      throw new Error(`the refactor preview still has unticked entries after ${maxClicks} clicks`);
    }
    await unticked.first().click();
    clicks += 1;
  }
  return clicks;
}

/** Clicks a button of the preview pane ("Apply" or "Discard"). */
export async function pressPreviewButton(page: Page, label: 'Apply' | 'Discard'): Promise<void> {
  const button = refactorPreview(page).locator('.buttons .monaco-button', { hasText: label }).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/** Resolves once `file` exists and `accept(content)` holds; rejects with the last content after `timeoutMs`. */
export async function waitForFileContent(file: string, accept: (content: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (last !== undefined && accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`${file} did not get the expected content within ${timeoutMs} ms; it ${last === undefined ? 'does not exist' : `holds:\n${last}`}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
