import * as vscode from 'vscode';

/** The parts of a ChangeSet the review needs (src/core/changes' ChangeSet fits). */
export interface ReviewableChangeSet {
  readonly root: string;
  readonly summary: string;
  readonly files: readonly {
    readonly path: string;
    readonly before: string | undefined;
    readonly after: string;
    readonly diagnostics?: readonly { readonly line: number; readonly message: string; readonly category: 'error' | 'warning' }[];
  }[];
}

export type ReviewOutcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[] }
  | { readonly kind: 'discarded' }
  | { readonly kind: 'stale'; readonly files: readonly string[] };

/**
 * Shows a ChangeSet in VS Code's refactor preview (every file with a checkbox and its diff; Apply or
 * Discard). Nothing touches disk before Apply; Apply is one undoable workspace edit, then the
 * touched files are saved and the main file opened. Files changed since generation are refused.
 */
export async function reviewChangeSet(changeSet: ReviewableChangeSet, label: string, mainFile?: string): Promise<ReviewOutcome> {
  const root = vscode.Uri.file(changeSet.root);
  const stale = await staleFiles(changeSet, root);
  if (stale.length > 0) {
    return { kind: 'stale', files: stale };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const file of changeSet.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    const errors = (file.diagnostics ?? []).filter((d) => d.category === 'error');
    const metadata: vscode.WorkspaceEditEntryMetadata = {
      label: file.before === undefined ? `Create ${file.path}` : `Update ${file.path}`,
      description: errors.length > 0 ? `${errors.length} type error(s): ${errors[0]?.message ?? ''}` : undefined,
      needsConfirmation: true,
      iconPath: new vscode.ThemeIcon(errors.length > 0 ? 'warning' : file.before === undefined ? 'new-file' : 'edit'),
    };
    if (file.before === undefined) {
      edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(file.after) }, metadata);
    } else {
      const document = await vscode.workspace.openTextDocument(uri);
      const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      edit.replace(uri, all, file.after, metadata);
    }
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) {
    return { kind: 'discarded' };
  }
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of changeSet.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await tryOpen(uri));
    if (document && document.getText() === file.after) {
      if (document.isDirty) {
        await document.save();
      }
      written.push(file.path);
    } else {
      skipped.push(file.path);
    }
  }
  if (written.length === 0) {
    return { kind: 'discarded' };
  }
  const open = mainFile && written.includes(mainFile) ? mainFile : written[0];
  if (open) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...open.split('/')), { preview: false });
  }
  void vscode.window.showInformationMessage(`Routecraft: ${label} — wrote ${written.length} file(s)${skipped.length ? `, skipped ${skipped.length}` : ''}.`);
  return { kind: 'applied', written, skipped };
}

/** Files whose current text (open buffer or disk) is no longer the `before` the change was made from. */
async function staleFiles(changeSet: ReviewableChangeSet, root: vscode.Uri): Promise<string[]> {
  const stale: string[] = [];
  for (const file of changeSet.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    const current = await currentText(uri);
    if (current !== file.before) {
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

async function tryOpen(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
