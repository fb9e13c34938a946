import type { Locator, Page } from 'playwright-core';

/**
 * Scrolls the multi-file review down (mouse wheel over it) until `target` is visible; fails after
 * 60 s. The multi-file diff editor renders only the files in view.
 */
export async function scrollUntilVisible(page: Page, review: Locator, target: Locator): Promise<void> {
  const deadline = Date.now() + 60_000;
  const box = await review.boundingBox();
  while (!(await target.isVisible())) {
    if (Date.now() > deadline) {
      await target.waitFor({ timeout: 1 }); // throws with playwright's description of the target
    }
    if (box) {
      await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
      await page.mouse.wheel(0, 400);
    }
    await page.waitForTimeout(300);
  }
}
