import { z } from 'zod';

/** One test case the model proposes: its code travels beside the JSON in a ```ts <id> block. */
export const TestCaseAnswerSchema = z.object({
  id: z.string().regex(/^c\d{1,3}$/, 'ids are c1, c2, …'),
  title: z.string().trim().min(1).max(200),
  checks: z.string().trim().min(1).max(500),
});

/** The validated JSON of a test-generation answer. */
export const TestPlanAnswerSchema = z.object({
  cases: z.array(TestCaseAnswerSchema).min(1).max(20),
});

export type TestCaseAnswer = z.infer<typeof TestCaseAnswerSchema>;
export type TestPlanAnswer = z.infer<typeof TestPlanAnswerSchema>;

/** Names the answer's shape for the response cache. */
export const TEST_PLAN_FORMAT = 'test-plan@1';

/** How the code is returned beside the JSON; told to the model in the system prompt. */
export const TEST_PLAN_CODE_RULES: readonly string[] = [
  'Answer with the JSON object ({"cases": [{"id": "c1", "title": "…", "checks": "…"}]}), then the code of each case in its own fenced block whose info string is `ts <id>`, e.g. ```ts c1.',
  'A case block holds ONLY the statements inside the test callback (what goes in `it(title, async () => { … })`): no `it(`, no `describe(`, no imports.',
  'Extra import declarations the cases need (mocks, fixtures, supertest, the app) go in ONE block with the info string `ts imports`; the target\'s own import and the runner\'s API (describe, it, expect, vi, assert) are added for you when the code uses them.',
  'Ids are c1, c2, … in order; titles are unique and say the behaviour ("returns 0 for an empty cart").',
];

/** The follow-up turn for the cases' code when the plan came as a server-constrained JSON answer. */
export function testCasesFollowUp(plan: TestPlanAnswer): string {
  return [
    `Now give the code of each case (${plan.cases.map((c) => c.id).join(', ')}) in its own fenced block whose info string is \`ts <id>\`, e.g. \`\`\`ts c1.`,
    ...TEST_PLAN_CODE_RULES.slice(1),
  ].join('\n');
}
