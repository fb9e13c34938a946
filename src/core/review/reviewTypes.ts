import { z } from 'zod';

/** What a finding is about. */
export const FINDING_KINDS = ['behaviour', 'risk', 'missing-test', 'validation', 'security', 'style'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** How much a finding matters, lowest first (the order `--fail-on` compares with). */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding as the model must return it. */
export const ModelFindingSchema = z.object({
  file: z.string().min(1).describe('path of a changed file exactly as shown in the diff headers'),
  line: z.number().int().min(1).describe('a line number shown in the numbered diff of that file'),
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(SEVERITIES),
  message: z.string().min(1).max(800).describe('what changes or could break, and why; one or two sentences'),
});
export type ModelFinding = z.infer<typeof ModelFindingSchema>;

/** The structured answer of one review request. */
export const ReviewAnswerSchema = z.object({
  summary: z.string().min(1).max(2000).describe('what the change does and what matters for a reviewer, in 1-4 sentences'),
  findings: z.array(ModelFindingSchema).max(40),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

/** Prompt tokens one review request may use unless configured (`--max-prompt-tokens`, `routecraft.review.promptBudget`). */
export const DEFAULT_REVIEW_PROMPT_TOKENS = 6000;

/** Names the answer's shape in the cache key. */
export const REVIEW_ANSWER_FORMAT = 'review-answer@1';

/** A finding shown to the user: the model's, or one a deterministic rule found (`origin: 'rule'`). */
export interface ReviewFinding extends ModelFinding {
  readonly origin: 'model' | 'rule';
  /** The rule's id for rule findings (`secret-added`, `dependency-added` …). */
  readonly rule?: string;
}

/** A model finding that was not shown, and why. */
export interface DroppedFinding {
  readonly finding: ModelFinding;
  readonly reason: string;
}

/** Whether `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** Parses a severity name (case-insensitive), or undefined. */
export function severityFrom(text: string): Severity | undefined {
  const lower = text.trim().toLowerCase();
  return SEVERITIES.find((s) => s === lower);
}
