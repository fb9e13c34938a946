import * as vscode from 'vscode';
import { selectHunks } from '../../core/changes/selectHunks';
import type { ReviewSession } from './reviewSession';

interface HunkItem extends vscode.QuickPickItem {
  readonly path: string;
  readonly index: number;
}

/**
 * "Choose the Changes to Take…" (editor title, palette): every hunk of every file in one checklist,
 * checked when taken; accepting takes exactly the checked ones. Needs no cursor and no CodeLens, so
 * it works with the mouse in any multi-file diff editor. Returns false when dismissed.
 */
export async function pickReviewChanges(session: ReviewSession): Promise<boolean> {
  const items: (HunkItem | vscode.QuickPickItem)[] = [];
  const checked: HunkItem[] = [];
  for (const change of session.changeSet.files) {
    const file = session.selection.file(change.path);
    if (!file) {
      continue;
    }
    items.push({ label: change.path, kind: vscode.QuickPickItemKind.Separator });
    for (const hunk of file.selected.hunks) {
      const first = hunk.added > 0 ? firstAddedLine(change.before, change.after, hunk.index) : undefined;
      const item: HunkItem = {
        path: change.path,
        index: hunk.index,
        label: vscode.l10n.t('{0}: change {1}', change.path, hunk.index + 1),
        description: `+${hunk.added} −${hunk.removed}`, // l10n: no words
        ...(first ? { detail: first } : {}),
      };
      items.push(item);
      if (hunk.taken) {
        checked.push(item);
      }
    }
  }
  const picked = await new Promise<readonly HunkItem[] | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick<HunkItem | vscode.QuickPickItem>();
    pick.title = vscode.l10n.t('Routecraft: choose the changes to take');
    pick.placeholder = vscode.l10n.t('Checked changes are taken; uncheck a change to leave it out. Enter applies the choice to the review.');
    pick.canSelectMany = true;
    pick.matchOnDetail = true;
    pick.items = items;
    pick.selectedItems = checked;
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems.filter(isHunkItem));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) {
        resolve(undefined);
      }
      pick.dispose();
    });
    pick.show();
  });
  if (!picked) {
    return false;
  }
  const keep = new Set(picked.map((i) => `${i.index}:${i.path}`));
  session.setHunks((path, index) => keep.has(`${index}:${path}`));
  return true;
}

function isHunkItem(item: vscode.QuickPickItem): item is HunkItem {
  return 'path' in item && 'index' in item;
}

/** The first added line of hunk `index` (trimmed): the core's selection with only that hunk taken. */
function firstAddedLine(before: string | undefined, after: string, index: number): string | undefined {
  const only = selectHunks(before, after, (i) => i === index);
  const hunk = only.hunks[index];
  return hunk ? only.text.split('\n')[hunk.line]?.trim() || undefined : undefined;
}
