import type { Exclusion } from '../privacy/exclusion';
import { reviewableLines, type ChangedFile } from './changedFile';
import type { CollectedChange } from './changeSource';
import { fileContext } from './hunkContext';
import { parseDiff } from './parseDiff';
import { planRequests, type FileEntry, type PlannedRequest } from './planRequests';
import { indexProject, isTestPath } from './relatedCode';
import { contextText } from './reviewPrompt';
import { ruleFindings } from './ruleFindings';
import type { ReviewFinding } from './reviewTypes';

export interface PrepareOptions {
  /** Upper bound on the prompt tokens of one request (the configured context minus the answer). */
  readonly maxPromptTokens: number;
  /** Upper bound on the lines of one enclosing declaration sent as context. */
  readonly maxDeclarationLines?: number;
  /** Files that never go to the model (.routecraftignore, .env, keys): reviewed by the rules only. */
  readonly exclusion?: Pick<Exclusion, 'isExcluded'>;
  readonly signal?: AbortSignal;
}

/** Everything a review needs before the first model call (and all a dry run shows). */
export interface PreparedReview {
  readonly label: string;
  readonly root: string;
  readonly files: readonly ChangedFile[];
  /** Changed files not sent to the model (excluded by privacy rules, binary). */
  readonly notSent: readonly { readonly path: string; readonly reason: string }[];
  readonly ruleFindings: readonly ReviewFinding[];
  readonly requests: readonly PlannedRequest[];
  /** The budget every request (and its repair turn) keeps within. */
  readonly maxPromptTokens: number;
}

const LANGUAGE: Record<string, string> = { ts: 'ts', tsx: 'tsx', mts: 'ts', cts: 'ts', js: 'js', jsx: 'jsx', mjs: 'js', cjs: 'js' };

/**
 * Parses the change, runs the deterministic rules, gathers bounded context per file (enclosing
 * declarations, callers and tests of changed exports) and plans requests within the budget.
 */
export async function prepareReview(change: CollectedChange, options: PrepareOptions): Promise<PreparedReview> {
  const files = parseDiff(change.diffText);
  const rules = await ruleFindings({ files, readBefore: change.readBefore, readAfter: change.readAfter });
  const notSent: { path: string; reason: string }[] = [];
  const sendable: ChangedFile[] = [];
  for (const file of files) {
    if (options.exclusion?.isExcluded(`${change.root}/${file.path}`)) {
      notSent.push({ path: file.path, reason: 'excluded from what is sent to the model (.routecraftignore or the built-in list); checked by the rules only' });
    } else if (file.status === 'binary') {
      notSent.push({ path: file.path, reason: 'binary file' });
    } else if (file.hunks.length > 0) {
      sendable.push(file);
    }
  }
  const index = sendable.some((f) => /\.[cm]?[jt]sx?$/.test(f.path)) ? await indexProject({ root: change.root, signal: options.signal }) : undefined;
  const entries: FileEntry[] = [];
  for (const file of sendable) {
    const before = file.status === 'added' ? undefined : await change.readBefore(file.oldPath ?? file.path);
    const after = file.status === 'deleted' ? undefined : await change.readAfter(file.path);
    const context = fileContext(file, before, after, options.maxDeclarationLines ?? 80);
    const usages = index && !isTestPath(file.path) ? index.usagesOf(context.touchedExports, file.path, after) : [];
    const namedTests = index ? index.testsNamedAfter(file.path) : [];
    const untested = isTestPath(file.path) ? [] : context.touchedExports.map((e) => e.name).filter((name) => !usages.some((u) => u.isTest && u.name === name));
    const language = LANGUAGE[/\.([^.]+)$/.exec(file.path)?.[1] ?? ''] ?? '';
    const rulesHere = rules.filter((r) => r.file === file.path);
    const extra = namedTests.length > 0 ? [`\n\nTest files named after this file: ${namedTests.join(', ')}.`] : [];
    entries.push({ file, contextText: contextText(context.enclosing.flat(), usages, untested, rulesHere, language) + extra.join('') });
  }
  const notes = notSent.length > 0 ? [`Also changed but not shown: ${notSent.map((n) => n.path).join(', ')}.`] : [];
  const requests = await planRequests(change.label, entries, notes, options.maxPromptTokens);
  return { label: change.label, root: change.root, files, notSent, ruleFindings: rules, requests, maxPromptTokens: options.maxPromptTokens };
}

/** The lines findings may point at, per changed file. */
export function reviewableMap(files: readonly ChangedFile[]): Map<string, ReadonlySet<number>> {
  return new Map(files.map((f) => [f.path, reviewableLines(f)]));
}
