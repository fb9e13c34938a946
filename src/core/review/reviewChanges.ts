import { askStructured } from '../llm/structured';
import type { LlmClient, LlmResult, TokenUsage } from '../llm/types';
import { REVIEW_DESCRIBE } from './planRequests';
import { reviewableMap, type PreparedReview } from './prepareReview';
import { repairWithin } from './repairBudget';
import { ReviewAnswerSchema, REVIEW_ANSWER_FORMAT, SEVERITIES, type DroppedFinding, type ModelFinding, type ReviewFinding } from './reviewTypes';

export interface ReviewProgress {
  readonly done: number;
  readonly total: number;
  /** Files of the request about to be sent (empty when all are done). */
  readonly files: readonly string[];
}

export interface ReviewOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReviewProgress) => void;
  readonly cache?: 'use' | 'bypass';
  /** The command that asked, for the audit log. */
  readonly command?: string;
}

/** A finished review: the merged summary and findings, and what was left out. */
export interface ReviewReport {
  readonly label: string;
  readonly root: string;
  /** One summary per request (a small change has one), with the files it covered. */
  readonly summaries: readonly { readonly files: readonly string[]; readonly text: string }[];
  /** Shown findings, most severe first, then by file and line. */
  readonly findings: readonly ReviewFinding[];
  /** Model findings that pointed outside the change (or repeated a rule's) and were not shown. */
  readonly dropped: readonly DroppedFinding[];
  readonly files: readonly { readonly path: string; readonly status: string }[];
  readonly notSent: PreparedReview['notSent'];
  readonly requests: readonly { readonly files: readonly string[]; readonly estimatedTokens: number; readonly cached: boolean; readonly usage?: TokenUsage }[];
  readonly model: string;
}

/**
 * Sends each planned request through the gateway (redaction, cache, audit, usage, cancel), keeps
 * the findings that point at a line of the change, and merges them with the rule findings.
 * A request whose answer stays invalid after the repair turn makes the review `invalid`; the repair
 * turn keeps within the same budget as the request (see {@link repairWithin}).
 */
export async function reviewChanges(client: LlmClient, prepared: PreparedReview, options: ReviewOptions = {}): Promise<LlmResult<ReviewReport>> {
  const lines = reviewableMap(prepared.files);
  const summaries: { files: string[]; text: string }[] = [];
  const kept: ReviewFinding[] = [...prepared.ruleFindings];
  const dropped: DroppedFinding[] = [];
  const requests: ReviewReport['requests'][number][] = [];
  let model = client.settings.model;
  for (const [i, request] of prepared.requests.entries()) {
    const files = request.sections.map((s) => s.file.path);
    options.onProgress?.({ done: i, total: prepared.requests.length, files: [...new Set(files)] });
    const result = await askStructured(client, {
      schema: ReviewAnswerSchema,
      messages: request.messages,
      purpose: 'review',
      describe: REVIEW_DESCRIBE,
      signal: options.signal,
      cache: options.cache,
      command: options.command,
      format: REVIEW_ANSWER_FORMAT,
      fitRepair: repairWithin(request, prepared.maxPromptTokens),
    });
    if (result.kind !== 'ok') {
      return result;
    }
    const { value, answer } = result.value;
    model = answer.model;
    requests.push({ files: [...new Set(files)], estimatedTokens: request.estimatedTokens, cached: answer.cached === true, ...(answer.usage ? { usage: answer.usage } : {}) });
    summaries.push({ files: [...new Set(files)], text: value.summary });
    for (const finding of value.findings) {
      const checked = checkFinding(finding, new Set(files), lines, kept);
      if (checked.kind === 'keep') {
        kept.push({ ...finding, file: checked.file, origin: 'model' });
      } else {
        dropped.push({ finding, reason: checked.reason });
      }
    }
  }
  options.onProgress?.({ done: prepared.requests.length, total: prepared.requests.length, files: [] });
  return {
    kind: 'ok',
    value: {
      label: prepared.label,
      root: prepared.root,
      summaries,
      findings: sortFindings(kept),
      dropped,
      files: prepared.files.map((f) => ({ path: f.path, status: f.status })),
      notSent: prepared.notSent,
      requests,
      model,
    },
  };
}

type Checked = { readonly kind: 'keep'; readonly file: string } | { readonly kind: 'drop'; readonly reason: string };

/** A model finding is shown only when it points at a line of a hunk of a file sent in its request. */
function checkFinding(finding: ModelFinding, sent: ReadonlySet<string>, lines: ReadonlyMap<string, ReadonlySet<number>>, kept: readonly ReviewFinding[]): Checked {
  const file = finding.file.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^[ab]\//, '');
  const valid = lines.get(file);
  if (valid === undefined || !sent.has(file)) {
    return { kind: 'drop', reason: `${finding.file} is not a file of this change` };
  }
  if (!valid.has(finding.line)) {
    return { kind: 'drop', reason: `line ${finding.line} of ${file} is not part of the change` };
  }
  if (kept.some((k) => k.file === file && k.line === finding.line && k.kind === finding.kind)) {
    return { kind: 'drop', reason: `repeats a finding at ${file}:${finding.line}` };
  }
  return { kind: 'keep', file };
}

/** Most severe first, then by file and line. */
export function sortFindings(findings: readonly ReviewFinding[]): ReviewFinding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.file.localeCompare(b.file) || a.line - b.line);
}
