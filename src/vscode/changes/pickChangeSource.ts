import * as vscode from 'vscode';
import { git } from '../../core/review/git';
import type { ChangeSource } from '../../core/review';

interface SourceItem extends vscode.QuickPickItem {
  readonly source?: ChangeSource;
  readonly pickCommit?: true;
}

/**
 * Asks what to review: the working tree, the staged changes, a commit (from the last 30), or the
 * branch against its base. `preset` (from an argument or a test) skips the question.
 */
export async function pickChangeSource(root: string, preset: unknown): Promise<ChangeSource | undefined> {
  const given = changeSourceFrom(preset);
  if (given) {
    return given;
  }
  const items: SourceItem[] = [
    { label: vscode.l10n.t('Working Tree'), description: vscode.l10n.t('everything not committed'), source: { kind: 'working-tree' } },
    { label: vscode.l10n.t('Staged Changes'), description: vscode.l10n.t('what the next commit holds'), source: { kind: 'staged' } },
    { label: vscode.l10n.t('A Commit…'), description: vscode.l10n.t('one of the last 30'), pickCommit: true },
    { label: vscode.l10n.t('This Branch'), description: vscode.l10n.t('against its merge-base with the default branch'), source: { kind: 'branch' } },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Routecraft: Explain Changes'), placeHolder: vscode.l10n.t('Which changes?') });
  if (!chosen) {
    return undefined;
  }
  if (!chosen.pickCommit) {
    return chosen.source;
  }
  const log = await git(['log', '-n', '30', '--format=%h%x09%s%x09%cr'], { cwd: root });
  if (log.kind !== 'ok') {
    return undefined;
  }
  const commits = log.stdout.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const [hash = '', subject = '', when = ''] = line.split('\t');
    return { label: hash, description: subject, detail: when };
  });
  const commit = await vscode.window.showQuickPick(commits, { title: vscode.l10n.t('Routecraft: Explain Changes'), placeHolder: vscode.l10n.t('Which commit?') });
  return commit ? { kind: 'commit', ref: commit.label } : undefined;
}

/** A ChangeSource passed as a command argument (`{kind:'commit', ref}`, or `{repository, source}`), validated. */
function changeSourceFrom(value: unknown): ChangeSource | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  // A Source Control resource group (its context menu): the git extension names them `index` and `workingTree`.
  const group = value as { id?: unknown; resourceStates?: unknown };
  if (Array.isArray(group.resourceStates) && (group.id === 'index' || group.id === 'workingTree')) {
    return group.id === 'index' ? { kind: 'staged' } : { kind: 'working-tree' };
  }
  const outer = value as { source?: unknown };
  const v = (typeof outer.source === 'object' && outer.source !== null ? outer.source : value) as { kind?: unknown; ref?: unknown; range?: unknown; base?: unknown };
  switch (v.kind) {
    case 'working-tree':
    case 'staged':
      return { kind: v.kind };
    case 'commit':
      return typeof v.ref === 'string' ? { kind: 'commit', ref: v.ref } : undefined;
    case 'range':
      return typeof v.range === 'string' ? { kind: 'range', range: v.range } : undefined;
    case 'branch':
      return typeof v.base === 'string' ? { kind: 'branch', base: v.base } : { kind: 'branch' };
    default:
      return undefined;
  }
}
