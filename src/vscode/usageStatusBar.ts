import * as vscode from 'vscode';
import { formatCost, formatTokens } from '../core/usage/formatUsage';
import type { UsageTracker } from '../core/usage/usageTracker';
import { CommandIds } from './commandIds';

/** The session's tokens and estimated cost in the status bar; the tooltip breaks it down by model. */
export class UsageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('routecraft.usage', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: { dispose(): void };

  constructor(private readonly usage: UsageTracker) {
    this.item.name = vscode.l10n.t('Routecraft Usage');
    this.item.command = CommandIds.showUsage;
    this.subscription = usage.onDidChange(() => this.render());
  }

  private render(): void {
    const t = this.usage.totals();
    const tokens = formatTokens(t.tokensIn + t.tokensOut);
    const cost = t.cost > 0 ? ` ≈ ${formatCost(t.cost)}` : '';
    const saved = t.cacheHits > 0 ? vscode.l10n.t(' ({0} cached)', t.cacheHits) : '';
    this.item.text = vscode.l10n.t('$(sparkle) {0} tok{1}{2}', tokens, cost, saved);
    this.item.tooltip = this.usage.tooltip();
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
