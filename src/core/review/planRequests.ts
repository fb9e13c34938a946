import { estimateUsage } from '../audit/tokenEstimate';
import { structuredInstructions, withInstructions } from '../llm/structuredPrompt';
import type { ChatMessage } from '../llm/types';
import type { ChangedFile } from './changedFile';
import { buildReviewMessages, numberedDiff, type FileSection } from './reviewPrompt';
import { ReviewAnswerSchema } from './reviewTypes';

/** One file ready to be sent: its diff (built per hunk) and its context. */
export interface FileEntry {
  readonly file: ChangedFile;
  readonly contextText: string;
}

/** One request of a review: the messages exactly as sent (before redaction) and their size. */
export interface PlannedRequest {
  readonly messages: ChatMessage[];
  /** The same request without the files' context: what a repair turn resends when room is short. */
  readonly withoutContext: ChatMessage[];
  readonly sections: readonly FileSection[];
  /** Prompt tokens by the o200k tokenizer (the gateway's estimate when servers report none). */
  readonly estimatedTokens: number;
}

/** What the model's JSON holds, for the instructions. */
export const REVIEW_DESCRIBE = 'the review of the change: a short summary and the findings, each at a file and a line of the numbered diff.';

/** Share of the budget kept free: tokenizers differ between models. */
export const MARGIN = 0.05;

/** The messages of a request as askStructured sends them (schema instructions included). */
export function withReviewInstructions(messages: readonly ChatMessage[]): ChatMessage[] {
  return withInstructions(messages, structuredInstructions(ReviewAnswerSchema, REVIEW_DESCRIBE));
}

/** Prompt tokens of `messages` by the o200k tokenizer. */
export async function tokens(messages: readonly ChatMessage[]): Promise<number> {
  return (await estimateUsage(messages, '')).promptTokens;
}

async function textTokens(text: string): Promise<number> {
  return (await estimateUsage([{ role: 'user', content: text }], '')).promptTokens - 6;
}

/**
 * Splits a change into requests that each fit `maxPromptTokens`: whole files with their context
 * while they fit, then files without context, then files split by hunk, then long hunks split into
 * windows of lines (each said in the prompt). Files are packed in diff order so related files stay together.
 */
export async function planRequests(label: string, entries: readonly FileEntry[], notes: readonly string[], maxPromptTokens: number): Promise<PlannedRequest[]> {
  const overhead = await tokens(withReviewInstructions(buildReviewMessages(label, [], notes)));
  const room = Math.max(200, Math.floor(maxPromptTokens * (1 - MARGIN)) - overhead);
  const pieces: { section: FileSection; tokens: number }[] = [];
  for (const { file, contextText } of entries) {
    const all = file.hunks.map((_, i) => i);
    const diffText = numberedDiff(file, all);
    const withContext = contextText === '' ? diffText : `${diffText}\n\n${contextText}`;
    const full = await textTokens(withContext);
    if (full <= room) {
      pieces.push({ section: { file, hunks: all, diffText, contextText }, tokens: full });
      continue;
    }
    const bare = await textTokens(diffText);
    if (bare <= room) {
      pieces.push({ section: { file, hunks: all, diffText, contextText: '' }, tokens: bare });
      continue;
    }
    for (const i of all) {
      pieces.push(...(await hunkPieces(file, i, room)));
    }
  }
  const groups: { section: FileSection; tokens: number }[][] = [];
  let current: { section: FileSection; tokens: number }[] = [];
  let used = 0;
  for (const piece of pieces) {
    if (current.length > 0 && used + piece.tokens + 2 > room) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(piece);
    used += piece.tokens + 2;
  }
  if (current.length > 0) {
    groups.push(current);
  }
  const planned: PlannedRequest[] = [];
  for (const group of groups) {
    const sections = group.map((p) => p.section);
    const messages = buildReviewMessages(label, sections, notes);
    const withoutContext = buildReviewMessages(label, sections.map((section) => ({ ...section, contextText: '' })), notes);
    planned.push({ messages, withoutContext, sections, estimatedTokens: await tokens(withReviewInstructions(messages)) });
  }
  return planned;
}

/** One hunk of a large file, as is when it fits `room`, else in consecutive windows that each fit. */
async function hunkPieces(file: ChangedFile, index: number, room: number): Promise<{ section: FileSection; tokens: number }[]> {
  const whole = numberedDiff(file, [index]);
  const wholeTokens = await textTokens(whole);
  if (wholeTokens <= room) {
    return [{ section: { file, hunks: [index], diffText: whole, contextText: '' }, tokens: wholeTokens }];
  }
  const total = file.hunks[index]!.lines.length;
  let size = Math.max(1, Math.floor((total * room) / wholeTokens * 0.9));
  const pieces: { section: FileSection; tokens: number }[] = [];
  for (let from = 0; from < total; ) {
    const to = Math.min(total, from + size);
    const diffText = numberedDiff(file, [index], { from, to });
    const count = await textTokens(diffText);
    if (count > room && to - from > 1) {
      size = Math.max(1, Math.floor(((to - from) * room) / count * 0.9));
      continue;
    }
    pieces.push({ section: { file, hunks: [index], diffText, contextText: '' }, tokens: count });
    from = to;
  }
  return pieces;
}
