// Drives Routecraft's multi-file review from inside the extension host, as a person does through
// the editor title / CodeLens buttons: the same commands, found the same way.
import * as vscode from 'vscode';

export const APPLY = 'routecraft.applyReview';
export const DISCARD = 'routecraft.discardReview';
export const PROPOSAL_SCHEME = 'routecraft-proposal';

/** The pair of one file in the multi-file diff editor (VS Code 1.139's TabInputTextMultiDiff). */
interface TextDiff {
  readonly original: vscode.Uri;
  readonly modified: vscode.Uri;
}

function textDiffs(tab: vscode.Tab): readonly TextDiff[] {
  const diffs = (tab.input as { readonly textDiffs?: unknown } | undefined)?.textDiffs;
  return Array.isArray(diffs) ? (diffs as TextDiff[]) : [];
}

/** The review's multi-file diff tab (its files' proposed sides have the proposal scheme). */
export function reviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => textDiffs(t).some((d) => d.modified.scheme === PROPOSAL_SCHEME));
}

export function reviewShowing(): boolean {
  return reviewTab() !== undefined;
}

/** Relative path → [original, proposed] of every file of the open review. */
export function reviewFiles(): Map<string, TextDiff> {
  const files = new Map<string, TextDiff>();
  const tab = reviewTab();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '/';
  for (const diff of tab ? textDiffs(tab) : []) {
    if (diff.modified.scheme === PROPOSAL_SCHEME && diff.modified.path.startsWith(`${root}/`)) {
      files.set(diff.modified.path.slice(root.length + 1), diff);
    }
  }
  return files;
}

/** The CodeLenses a person sees on the proposed side of `path`. */
export async function lensesOf(proposed: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', proposed)) ?? [];
}

/** Clicks the first CodeLens whose title matches. */
export async function clickLens(proposed: vscode.Uri, title: RegExp): Promise<string> {
  const lens = (await lensesOf(proposed)).find((l) => l.command && title.test(l.command.title));
  if (!lens?.command) {
    throw new Error(`no CodeLens matching ${title} on ${proposed.toString()}: ${JSON.stringify((await lensesOf(proposed)).map((l) => l.command?.title))}`);
  }
  await vscode.commands.executeCommand(lens.command.command, ...((lens.command.arguments ?? []) as unknown[]));
  return lens.command.title;
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
