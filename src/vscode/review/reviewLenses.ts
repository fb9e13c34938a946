import * as vscode from 'vscode';
import type { FileSelection } from '../../core/changes/reviewSelection';
import { CommandIds } from '../commandIds';

/**
 * The CodeLenses of one proposed file: take or leave the whole file on its first line, and each
 * hunk where it starts (a new file is one hunk, so only the file lens).
 */
export function reviewLenses(file: FileSelection & { readonly path: string }, lineCount: number): vscode.CodeLens[] {
  const at = (line: number): vscode.Range => {
    const clamped = Math.max(0, Math.min(line, lineCount - 1));
    return new vscode.Range(clamped, 0, clamped, 0);
  };
  const fileTaken = file.takenCount > 0;
  const lenses = [
    new vscode.CodeLens(at(0), {
      title: fileTaken
        ? vscode.l10n.t('$(close) Leave File ({0} of {1} changes taken)', file.takenCount, file.hunkCount)
        : vscode.l10n.t('$(check) Take File (left out)'),
      tooltip: vscode.l10n.t('Take or leave every change of {0}', file.path),
      command: CommandIds.toggleReviewFile,
      arguments: [file.path],
    }),
  ];
  if (file.change.before === undefined) {
    return lenses;
  }
  for (const hunk of file.selected.hunks) {
    const size = `+${hunk.added} −${hunk.removed}`;
    lenses.push(new vscode.CodeLens(at(hunk.line), {
      title: hunk.taken ? vscode.l10n.t('$(close) Leave This Change ({0})', size) : vscode.l10n.t('$(check) Take This Change ({0})', size),
      tooltip: vscode.l10n.t('Change {0} of {1} in {2}', hunk.index + 1, file.hunkCount, file.path),
      command: CommandIds.toggleReviewChange,
      arguments: [file.path, hunk.index],
    }));
  }
  return lenses;
}
