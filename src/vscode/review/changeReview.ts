import * as vscode from 'vscode';
import { proposalDocuments, type ProposalDocuments } from './proposalDocuments';

/** The parts of a ChangeSet the review needs (src/core/changes' ChangeSet fits). */
export interface ReviewableChangeSet {
  readonly root: string;
  readonly summary: string;
  readonly files: readonly ReviewableFile[];
}

export interface ReviewableFile {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string;
  readonly diagnostics?: readonly { readonly line: number; readonly message: string; readonly category: 'error' | 'warning' }[];
}

export type ReviewOutcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[] }
  | { readonly kind: 'discarded' }
  | { readonly kind: 'stale'; readonly files: readonly string[] };

interface FileItem extends vscode.QuickPickItem {
  readonly file: ReviewableFile;
}

/**
 * Reviews a ChangeSet: a checklist of every touched file (all checked; uncheck what you do not want)
 * beside a side-by-side diff of the file under the cursor. Enter applies the checked files as one
 * workspace edit (then saves them and opens the main file); Escape discards. Nothing touches disk
 * before that, and files changed since generation are refused, never overwritten.
 */
export async function reviewChangeSet(changeSet: ReviewableChangeSet, label: string, mainFile?: string): Promise<ReviewOutcome> {
  const root = vscode.Uri.file(changeSet.root);
  const stale = await staleFiles(changeSet, root);
  if (stale.length > 0) {
    return { kind: 'stale', files: stale };
  }
  const docs = proposalDocuments(changeSet);
  try {
    const chosen = await pickFiles(changeSet, root, label, docs, mainFile);
    if (!chosen || chosen.length === 0) {
      return { kind: 'discarded' };
    }
    const staleNow = await staleFiles({ ...changeSet, files: chosen }, root);
    if (staleNow.length > 0) {
      return { kind: 'stale', files: staleNow };
    }
    const written = await apply(chosen, root);
    const skipped = changeSet.files.filter((f) => !chosen.includes(f)).map((f) => f.path);
    await closeProposalTabs(docs.scheme);
    const open = mainFile && written.includes(mainFile) ? mainFile : written[0];
    if (open) {
      await vscode.window.showTextDocument(fileUri(root, open), { preview: false });
    }
    void vscode.window.showInformationMessage(`Routecraft: ${label} — wrote ${written.length} file(s)${skipped.length ? `, skipped ${skipped.length}` : ''}.`);
    return { kind: 'applied', written, skipped };
  } finally {
    await closeProposalTabs(docs.scheme);
    docs.dispose();
  }
}

function pickFiles(changeSet: ReviewableChangeSet, root: vscode.Uri, label: string, docs: ProposalDocuments, mainFile?: string): Promise<ReviewableFile[] | undefined> {
  const diffButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('diff'), tooltip: 'Show the diff' };
  const items: FileItem[] = changeSet.files.map((file) => {
    const errors = (file.diagnostics ?? []).filter((d) => d.category === 'error');
    const { added, removed } = lineDelta(file);
    return {
      file,
      label: `$(${errors.length > 0 ? 'warning' : file.before === undefined ? 'new-file' : 'edit'}) ${file.path}`,
      description: `${file.before === undefined ? 'new' : 'changed'}  +${added} −${removed}`,
      detail: errors.length > 0 ? `${errors.length} type error(s): line ${errors[0]!.line}: ${errors[0]!.message}` : undefined,
      picked: true,
      buttons: [diffButton],
    };
  });
  const pick = vscode.window.createQuickPick<FileItem>();
  pick.title = `Routecraft: ${label}`;
  pick.placeholder = 'Enter applies the checked files · uncheck to leave a file out · Esc discards everything';
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.items = items;
  pick.selectedItems = items;
  const show = (file: ReviewableFile): void => {
    void vscode.commands.executeCommand('vscode.diff', docs.originalUri(root, file), docs.proposedUri(file), `${file.path} ↔ Routecraft proposal`, { preview: true, preserveFocus: true });
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: ReviewableFile[] | undefined): void => {
      if (!done) {
        done = true;
        resolve(value);
        pick.dispose();
      }
    };
    pick.onDidTriggerItemButton((e) => show(e.item.file));
    pick.onDidChangeActive((active) => {
      if (active[0]) {
        show(active[0].file);
      }
    });
    pick.onDidAccept(() => finish(pick.selectedItems.map((i) => i.file)));
    pick.onDidHide(() => finish(undefined));
    pick.show();
    const first = items.find((i) => i.file.path === mainFile) ?? items[0];
    if (first) {
      show(first.file);
    }
  });
}

/** One WorkspaceEdit for all files, then every written document saved. */
async function apply(files: readonly ReviewableFile[], root: vscode.Uri): Promise<string[]> {
  const edit = new vscode.WorkspaceEdit();
  for (const file of files) {
    const uri = fileUri(root, file.path);
    if (file.before === undefined) {
      edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(file.after) });
    } else {
      const document = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), file.after);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error('VS Code refused the edit; nothing was written.');
  }
  const written: string[] = [];
  for (const file of files) {
    const document = await vscode.workspace.openTextDocument(fileUri(root, file.path));
    if (document.isDirty) {
      await document.save();
    }
    written.push(file.path);
  }
  return written;
}

async function closeProposalTabs(scheme: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === scheme);
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs, true);
  }
}

function fileUri(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

function lineDelta(file: ReviewableFile): { added: number; removed: number } {
  const before = new Set((file.before ?? '').split('\n'));
  const after = file.after.split('\n');
  const added = after.filter((l) => !before.has(l)).length;
  const afterSet = new Set(after);
  const removed = file.before === undefined ? 0 : file.before.split('\n').filter((l) => !afterSet.has(l)).length;
  return { added, removed };
}

/** Files whose current text (open buffer or disk) is no longer the `before` the change was made from. */
async function staleFiles(changeSet: ReviewableChangeSet, root: vscode.Uri): Promise<string[]> {
  const stale: string[] = [];
  for (const file of changeSet.files) {
    if ((await currentText(fileUri(root, file.path))) !== file.before) {
      stale.push(file.path);
    }
  }
  return stale;
}

async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return open.getText();
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
