import type { ChatMessage } from '../llm/types';
import type { ChangedFile, Hunk } from './changedFile';
import type { DeclarationSnippet } from './hunkContext';
import type { Usage } from './relatedCode';
import type { ReviewFinding } from './reviewTypes';

const SYSTEM = [
  'You are Routecraft, a senior backend engineer reviewing a change set before it is merged.',
  'Report what a reviewer must know: behaviour changes, risks, missing tests, weakened validation, security problems; style only when it hides a bug.',
  'Do not paraphrase the code line by line; name the consequence (who breaks, what input now passes, what is untested).',
  'Every finding names a changed file exactly as in its "## File:" header and a line number printed in that file\'s numbered diff;',
  'for something removed, use the number of the nearest numbered line after it. Never point at a line that is not shown.',
  'Ground every claim in the code shown; when it depends on code not shown, say so. Return no finding rather than a guess.',
  'Findings the deterministic checks already reported are listed; do not repeat them.',
].join(' ');

/** What one file contributes to a request: the numbered diff and, when room allows, its context. */
export interface FileSection {
  readonly file: ChangedFile;
  /** Indexes of the file's hunks in this section (a large file is split across requests). */
  readonly hunks: readonly number[];
  readonly diffText: string;
  /** Enclosing declarations, callers and tests; dropped first when the budget is tight. */
  readonly contextText: string;
}

/** Part of a long hunk: lines `[from, to)` of its lines. */
export interface LineWindow {
  readonly from: number;
  readonly to: number;
}

/** The numbered diff of some hunks of a file; `window` shows only part of a single long hunk. */
export function numberedDiff(file: ChangedFile, hunkIndexes: readonly number[], window?: LineWindow): string {
  const header = `## File: ${file.path} (${file.status}${file.oldPath ? ` from ${file.oldPath}` : ''})`;
  if (file.status === 'binary') {
    return `${header}\nBinary file; content not shown.`;
  }
  const body = hunkIndexes.map((i) => numberedHunk(file.hunks[i]!, file.status === 'deleted', window)).join('\n');
  const part = window === undefined ? '' : `\n(part of a long hunk: its lines ${window.from + 1}-${window.to}; the rest is reviewed in other requests)`;
  return `${header}${part}\n\`\`\`diff\n${body}\n\`\`\``;
}

function numberedHunk(hunk: Hunk, oldNumbers: boolean, window?: LineWindow): string {
  const lines = [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`];
  for (const l of window === undefined ? hunk.lines : hunk.lines.slice(window.from, window.to)) {
    const n = oldNumbers ? l.oldLine : l.type === 'remove' ? undefined : l.newLine;
    const marker = l.type === 'add' ? '+' : l.type === 'remove' ? '-' : ' ';
    lines.push(`${marker}${n === undefined ? '      ' : String(n).padStart(6)} | ${l.text}`);
  }
  return lines.join('\n');
}

/** Declarations around the change, callers and tests of changed exports, and rule findings. */
export function contextText(enclosing: readonly DeclarationSnippet[], usages: readonly Usage[], untested: readonly string[], rules: readonly ReviewFinding[], language: string): string {
  const parts: string[] = [];
  for (const snippet of enclosing) {
    const which = snippet.side === 'after' ? 'after the change' : 'before the change';
    parts.push(`Enclosing ${snippet.label} ${which} (lines ${snippet.startLine}-${snippet.endLine}, numbered):\n\`\`\`${language}\n${snippet.text}\n\`\`\``);
  }
  const callers = usages.filter((u) => !u.isTest);
  const tests = usages.filter((u) => u.isTest);
  if (callers.length > 0) {
    const how = callers.every((u) => u.resolved === true) ? 'references resolved by the TypeScript compiler' : 'text search, may include namesakes';
    parts.push(`Used elsewhere in the project (${how}):\n${callers.map((u) => `- ${u.file}:${u.line} \`${u.text}\``).join('\n')}`);
  }
  if (tests.length > 0) {
    parts.push(`Tests that mention the changed exports:\n${tests.map((u) => `- ${u.file}:${u.line} \`${u.text}\``).join('\n')}`);
  }
  if (untested.length > 0) {
    parts.push(`No test file in the project mentions: ${untested.join(', ')}.`);
  }
  if (rules.length > 0) {
    parts.push(`Already reported by deterministic checks (do not repeat):\n${rules.map((f) => `- line ${f.line}, ${f.kind}: ${f.message}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** The chat messages of one review request over some file sections. */
export function buildReviewMessages(label: string, sections: readonly FileSection[], notes: readonly string[]): ChatMessage[] {
  const parts = [`Review this change (${label}). Each file shows a numbered diff; the numbers are the lines of the file after the change.`];
  for (const section of sections) {
    parts.push(section.contextText === '' ? section.diffText : `${section.diffText}\n\n${section.contextText}`);
  }
  parts.push(...notes);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: parts.join('\n\n') },
  ];
}
