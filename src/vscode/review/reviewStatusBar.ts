import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';

/** While a review is pending: what it takes (click to show it again), Apply and Discard. */
export class ReviewStatusBar implements vscode.Disposable {
  private readonly review = vscode.window.createStatusBarItem('routecraft.review', vscode.StatusBarAlignment.Left, 1000);
  private readonly apply = vscode.window.createStatusBarItem('routecraft.review.apply', vscode.StatusBarAlignment.Left, 999);
  private readonly discard = vscode.window.createStatusBarItem('routecraft.review.discard', vscode.StatusBarAlignment.Left, 998);

  constructor() {
    this.review.name = vscode.l10n.t('Routecraft Review');
    this.review.command = CommandIds.showReview;
    this.apply.name = vscode.l10n.t('Routecraft: Apply Review');
    this.apply.text = vscode.l10n.t('$(check) Apply');
    this.apply.command = CommandIds.applyReview;
    this.apply.tooltip = vscode.l10n.t('Write the taken changes as one edit (one Undo restores every file)');
    this.discard.name = vscode.l10n.t('Routecraft: Discard Review');
    this.discard.text = vscode.l10n.t('$(discard) Discard');
    this.discard.command = CommandIds.discardReview;
    this.discard.tooltip = vscode.l10n.t('Write nothing and close the review');
  }

  show(summary: string): void {
    this.review.text = vscode.l10n.t('$(git-compare) Routecraft review: {0}', summary);
    this.review.tooltip = vscode.l10n.t('Show the pending Routecraft review');
    for (const item of [this.review, this.apply, this.discard]) {
      item.show();
    }
  }

  hide(): void {
    for (const item of [this.review, this.apply, this.discard]) {
      item.hide();
    }
  }

  dispose(): void {
    for (const item of [this.review, this.apply, this.discard]) {
      item.dispose();
    }
  }
}
