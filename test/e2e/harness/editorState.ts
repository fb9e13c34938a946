import type { Locator, Page } from 'playwright-core';

/**
 * Waits until the workbench shows `file` as the active editor with the cursor on `line` (1-based),
 * read from what a person sees: the active tab of the active group and the status bar's "Ln X, Col Y".
 */
export async function waitForCursor(page: Page, file: string, line: number, timeoutMs = 45_000): Promise<void> {
  await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: file }).first().waitFor({ timeout: timeoutMs });
  await page.locator('[id="status.editor.selection"]', { hasText: new RegExp(`^\\s*Ln ${line}, Col \\d+`) }).first().waitFor({ timeout: timeoutMs });
}

/**
 * A notification in the notification center (the smoke-test driver shows no toasts), opened from
 * the status-bar bell. Press Escape afterwards to close the center.
 */
export async function notificationInCenter(page: Page, text: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
  const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  if (!(await item.isVisible())) {
    await page.locator('[id="status.notifications"]').click();
    await page.mouse.move(0, 0); // the bell's hover would cover the buttons
  }
  await item.waitFor({ timeout: timeoutMs });
  return item;
}

/** The active group's editor (its text lines), once its active tab shows `file`. */
export async function activeEditor(page: Page, file: string, timeoutMs = 20_000): Promise<Locator> {
  const group = page.locator('.editor-group-container.active');
  await group.locator('.tabs-container .tab.active', { hasText: file }).first().waitFor({ timeout: timeoutMs });
  const lines = group.locator('.monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: timeoutMs });
  return lines;
}
