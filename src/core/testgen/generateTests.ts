import type { ChangeSet } from '../changes/changeSet';
import { typeCheckChangeSet } from '../changes/typeCheckChangeSet';
import { askStructured } from '../llm/structured';
import type { LlmClient, LlmResult } from '../llm/types';
import { detectProject } from '../project/detectProject';
import type { ProjectFacts, TestRunnerName } from '../project/projectFacts';
import type { ProjectModel } from '../projectModel/projectModel';
import { parseTestPlan, type ParsedTestPlan } from './answer/parseTestPlan';
import { TEST_PLAN_FORMAT, TestPlanAnswerSchema, testCasesFollowUp } from './answer/testPlanAnswer';
import { formatTestContextPrompt } from './context/formatTestContextPrompt';
import { gatherTestContext } from './context/gatherTestContext';
import { describeConventions } from './context/testConventions';
import type { TestContext, TestTargetRequest } from './context/testContext';
import { placeTests, type PlacedTests } from './place/placeTests';
import { removeCases } from './place/removeCases';
import { createOverlay } from './run/createOverlay';
import { keepPassing } from './run/keepPassing';
import type { CoverageDelta } from './run/runResult';
import { runTestFile } from './run/runTestFile';

export interface TestsRequest {
  readonly root: string;
  readonly target: TestTargetRequest;
  readonly llm: LlmClient;
  /** When detection found no test runner (the editor asks, the CLI takes --test-runner). */
  readonly testRunner?: TestRunnerName;
  /** Per run of the candidate tests; the process group is killed past it. Default 60 s. */
  readonly timeoutMs?: number;
  /** Measure the target's coverage before and after (when the project has a coverage tool). */
  readonly coverage?: boolean;
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly onProgress?: (message: string) => void;
  /** The editor's model of this folder: facts and type-check parses reused while their files are unchanged (see generateEndpoint). */
  readonly model?: ProjectModel;
}

/** What happened to the generated cases: the numbers a person checks before accepting. */
export interface TestsSummary {
  readonly target: string;
  readonly testFile: string;
  readonly generated: number;
  readonly compiled: number;
  readonly passed: number;
  readonly kept: number;
  /** Cases left out, with why (wrong runner's API, type error, failed, flaky, timed out). */
  readonly dropped: readonly { readonly title: string; readonly reason: string }[];
  /** Failed every run on an assertion: maybe a real bug in the code; offered, not kept. */
  readonly suspectedBugs: readonly { readonly title: string; readonly error: string }[];
  readonly coverage?: CoverageDelta;
  readonly coverageNote?: string;
  /** What the tests copy from the project, one line each with its evidence (location, API globals, imports). */
  readonly conventions?: readonly string[];
}

/** The runners the editor offers and the CLI accepts when detection cannot tell. */
export const TEST_RUNNER_CHOICES: readonly TestRunnerName[] = ['vitest', 'jest', 'mocha', 'node:test'];

export type TestsResult =
  | { readonly kind: 'ok'; readonly changeSet: ChangeSet; readonly summary: TestsSummary }
  | { readonly kind: 'none-kept'; readonly summary: TestsSummary }
  /** A fact detection could not read: the caller asks (the editor) or names the flag (the CLI), then calls again. */
  | { readonly kind: 'needs-input'; readonly fact: 'testRunner'; readonly choices: readonly TestRunnerName[]; readonly message: string }
  | Exclude<LlmResult<never>, { kind: 'ok' }>;

/**
 * Generate Tests: bounded context → the model's cases (validated JSON + fenced code) → placed
 * through the AST → type-checked → run twice with the project's own runner in an overlay copy →
 * only cases that compile and pass both runs are kept. Nothing is written: the caller reviews.
 */
export async function generateTests(request: TestsRequest): Promise<TestsResult> {
  const progress = request.onProgress ?? (() => undefined);
  progress('Reading the project…');
  const detected = request.model ? await request.model.detect(request.root) : await detectProject(request.root);
  const facts = withRunner(detected, request.testRunner);
  if (!facts) {
    return {
      kind: 'needs-input',
      fact: 'testRunner',
      choices: TEST_RUNNER_CHOICES,
      message: 'Could not tell which test runner this project uses (vitest, jest, mocha or node:test). Choose one (CLI: --test-runner).',
    };
  }
  const context = await gatherTestContext(request.root, facts, request.target);
  progress(`Asking the model for ${facts.testRunner?.name ?? ''} tests of ${context.target.name}…`);
  const answer = await askStructured(request.llm, {
    schema: TestPlanAnswerSchema,
    messages: formatTestContextPrompt(context),
    purpose: 'tests',
    format: TEST_PLAN_FORMAT,
    describe: 'the test cases: id, title and what each checks; each case\'s code in a fenced block labelled `ts <id>`',
    codeFollowUp: testCasesFollowUp,
    signal: request.signal,
    command: request.command,
  });
  if (answer.kind !== 'ok') {
    return answer;
  }
  const runner = facts.testRunner!;
  const plan = parseTestPlan({ value: answer.value.value, codeBlocks: answer.value.codeBlocks }, runner);
  const dropped: { title: string; reason: string }[] = plan.dropped.map((d) => ({ title: d.title, reason: d.reason }));
  const generated = plan.cases.length + plan.dropped.length;

  progress('Type-checking the new tests…');
  let placed = await placeTests(request.root, facts, context, plan);
  for (const skip of placed.skipped) {
    dropped.push({ title: titleOf(plan, skip.id), reason: `already there: ${skip.reason}` });
  }
  if (Object.keys(placed.caseLines).length === 0) {
    return { kind: 'none-kept', summary: { target: `${context.target.name} (${request.target.file})`, testFile: placed.file, generated, compiled: 0, passed: 0, kept: 0, dropped, suspectedBugs: [], ...conventionsOf(context) } };
  }
  const typeErrors = await caseTypeErrors(request.root, placed, request.model);
  for (const [id, message] of typeErrors) {
    dropped.push({ title: titleOf(plan, id), reason: `does not compile: ${message}` });
  }
  placed = removeCases(placed, [...typeErrors.keys()]);
  const compiledIds = Object.keys(placed.caseLines);

  progress('Running the new tests twice with the project\'s runner…');
  const timeoutMs = request.timeoutMs ?? 60_000;
  const overlay = await createOverlay(request.root, { extraFiles: { [placed.file]: placed.after } });
  let coverage: CoverageDelta | undefined;
  let coverageNote: string | undefined;
  const suspectedBugs: { title: string; error: string }[] = [];
  const keptIds: string[] = [];
  try {
    const runs = await keepPassing(overlay, facts, placed.file, { runs: 2, timeoutMs, signal: request.signal });
    if (runs.kind === 'cancelled') {
      return { kind: 'cancelled' };
    }
    for (const id of compiledIds) {
      const title = titleOf(plan, id);
      const verdict = runs.tests.find((t) => t.title === title);
      if (runs.kind !== 'ran') {
        dropped.push({ title, reason: runs.kind === 'timeout' ? `the test run timed out after ${Math.round(timeoutMs / 1000)} s` : `the test file did not run: ${firstLine(runs.runs.at(-1)?.output)}` });
      } else if (!verdict) {
        dropped.push({ title, reason: 'the runner did not report it' });
      } else if (verdict.verdict === 'kept') {
        keptIds.push(id);
      } else if (verdict.verdict === 'failed' && verdict.suspectedBug) {
        suspectedBugs.push({ title, error: verdict.error ?? 'assertion failed' });
        dropped.push({ title, reason: 'fails on an assertion (possibly a real bug; see below)' });
      } else {
        dropped.push({ title, reason: verdict.verdict === 'flaky' ? `flaky (${verdict.statuses.join(', ')})` : `${verdict.verdict}: ${firstLine(verdict.error)}` });
      }
    }
    if (request.coverage && keptIds.length > 0) {
      progress('Measuring coverage before and after…');
      const kept = removeCases(placed, compiledIds.filter((id) => !keptIds.includes(id)));
      const withCoverage = await createOverlay(request.root, { extraFiles: { [kept.file]: kept.after } });
      try {
        const run = await runTestFile(withCoverage, facts, kept.file, { timeoutMs, signal: request.signal, coverageOf: request.target.file });
        coverage = run.coverage;
        coverageNote = coverage ? undefined : 'No coverage tool in this project (vitest with @vitest/coverage-v8, jest, or c8); coverage was not measured.';
      } finally {
        await withCoverage.dispose();
      }
    }
  } finally {
    await overlay.dispose();
  }

  const final = removeCases(placed, compiledIds.filter((id) => !keptIds.includes(id)));
  const summary: TestsSummary = {
    target: `${context.target.name} (${request.target.file})`,
    testFile: placed.file,
    generated,
    compiled: compiledIds.length,
    passed: keptIds.length + dropped.filter((d) => d.reason.startsWith('flaky')).length,
    kept: keptIds.length,
    dropped,
    suspectedBugs,
    ...(coverage ? { coverage } : {}),
    ...(coverageNote ? { coverageNote } : {}),
    ...conventionsOf(context),
  };
  if (keptIds.length === 0) {
    return { kind: 'none-kept', summary };
  }
  return {
    kind: 'ok',
    summary,
    changeSet: { root: request.root, files: [{ path: final.file, before: final.before, after: final.after }], summary: formatSummary(summary) },
  };
}

/** One line a person reads before accepting: generated / compiled / passed / kept (and coverage). */
export function formatSummary(s: TestsSummary): string {
  const cov = s.coverage?.before && s.coverage.after ? `; lines covered ${s.coverage.before.lines.toFixed(0)}% → ${s.coverage.after.lines.toFixed(0)}%` : s.coverage?.after ? `; lines covered → ${s.coverage.after.lines.toFixed(0)}%` : '';
  return `Tests for ${s.target}: ${s.generated} generated, ${s.compiled} compiled, ${s.passed} passed, ${s.kept} kept${cov}`;
}

/** The facts with the runner the caller chose, or undefined when none is known. */
function withRunner(facts: ProjectFacts, runner: TestRunnerName | undefined): ProjectFacts | undefined {
  if (runner) {
    return { ...facts, testRunner: { name: runner } };
  }
  return facts.testRunner ? facts : undefined;
}

/** Type errors in the placed file, by the case whose lines hold them. */
async function caseTypeErrors(root: string, placed: PlacedTests, model: ProjectModel | undefined): Promise<Map<string, string>> {
  const session = model?.session;
  const checked = await typeCheckChangeSet({ root, files: [{ path: placed.file, before: placed.before, after: placed.after }], summary: '' }, session ? { session } : {});
  const errors = new Map<string, string>();
  for (const d of checked.files[0]?.diagnostics ?? []) {
    if (d.category !== 'error') {
      continue;
    }
    const id = Object.entries(placed.caseLines).find(([, r]) => d.line >= r.start && d.line <= r.end)?.[0];
    if (id && !errors.has(id)) {
      errors.set(id, `TS${d.code} ${d.message}`);
    }
  }
  return errors;
}

function conventionsOf(context: TestContext): { conventions?: readonly string[] } {
  return context.conventions === undefined ? {} : { conventions: describeConventions(context.conventions, context.testFile) };
}

function titleOf(plan: ParsedTestPlan, id: string): string {
  return plan.cases.find((c) => c.id === id)?.title ?? id;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

export type { TestContext };
