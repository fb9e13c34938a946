import { z } from 'zod';

/** One edit of a fix: lines startLine..endLine (1-based, inclusive) of `file` are replaced. */
export const FixEditSchema = z.object({
  file: z.string().min(1).describe('Project-relative path of a file shown in the prompt'),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});

/** What the model answers about a failure. Replacement code travels in fenced blocks, one per edit, in order. */
export const TriageAnswerSchema = z.object({
  cause: z.string().min(1).describe('The likely cause in two to five sentences, naming the code at fault'),
  evidence: z
    .array(z.object({ file: z.string().min(1), line: z.number().int().positive(), why: z.string().optional() }))
    .describe('Lines of the code shown that support the cause'),
  confidence: z.enum(['high', 'medium', 'low']),
  fix: z
    .object({
      summary: z.string().min(1),
      edits: z.array(FixEditSchema).min(1),
    })
    .optional()
    .describe('Only when the fault is in the project code shown; each edit replaces whole lines with the code of the matching fenced block'),
});

export type TriageAnswer = z.infer<typeof TriageAnswerSchema>;
export type FixEdit = z.infer<typeof FixEditSchema>;

/** Names the answer shape in the cache key. */
export const TRIAGE_ANSWER_FORMAT = 'triage-answer@1';

/** The follow-up turn for a fix's replacement code when the answer came as a server-constrained JSON answer. */
export function fixCodeFollowUp(answer: TriageAnswer): string | undefined {
  const edits = answer.fix?.edits ?? [];
  if (edits.length === 0) {
    return undefined;
  }
  return [
    `Now give the replacement code of each edit of the fix, in order, one fenced block per edit (${String(edits.length)} in all):`,
    ...edits.map((e, i) => `${String(i + 1)}. ${e.file} lines ${String(e.startLine)}-${String(e.endLine)}`),
  ].join('\n');
}
