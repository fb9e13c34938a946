import { z } from 'zod';

/** One scripted test case: its title and the statements inside the test callback. */
export const ScriptedCaseSchema = z.object({ title: z.string().min(1), code: z.string().min(1) });

/**
 * Generate Tests on one function of the project: `routecraft tests TARGET` with a scripted model
 * whose answer is these cases (and `imports`, the extra import declarations they need).
 */
export const GenerateTestsEntrySchema = z.object({
  /** `path/in/package.ts:exportedName`, relative to the package (subdir). */
  target: z.string().regex(/^[^:]+\.[cm]?[jt]sx?:[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/, 'FILE:SYMBOL'),
  cases: z.array(ScriptedCaseSchema).min(1).max(20),
  imports: z.string().optional(),
});
export type GenerateTestsEntry = z.infer<typeof GenerateTestsEntrySchema>;

/** One corpus entry (corpus/projects/<id>.json); the format is described in corpus/README.md. */
export const CorpusEntrySchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'),
  commit: z.string().regex(/^[0-9a-f]{40}$/, '40 hex digits'),
  framework: z.enum(['express', 'fastify', 'hono', 'nestjs']),
  shape: z.string().min(1),
  subdir: z.string().optional(),
  install: z.string().optional(),
  /** One command or several (each a suite); default: the package's `test` and `test:e2e` scripts. */
  test: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** The type check, when `tsc --noEmit` in the package is not it (e.g. `npx tsc -b`). */
  typecheck: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  /** Why the project is in the corpus (the docs fall back to `notes`). */
  why: z.string().optional(),
  notes: z.string().optional(),
  /** Generate Tests on one exported function (see GenerateTestsEntrySchema). */
  generateTests: GenerateTestsEntrySchema.optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntrySchema>;

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'todo';

/** One test as a runner reported it; `file` is relative to the project (POSIX). */
export interface TestRecord {
  readonly file: string;
  /** Suite titles and the test title joined by " › ". */
  readonly name: string;
  readonly status: TestStatus;
  readonly error?: string;
}

export type RunnerName = 'jest' | 'vitest' | 'mocha' | 'node:test';

/** One run of one test command. */
export interface SuiteRun {
  readonly suite: string;
  readonly command: string;
  readonly runner?: RunnerName;
  /** `ran`: a report was read; `timeout`: killed; `no-report`: the runner wrote no readable report; `unsupported`: no runner recognised. */
  readonly outcome: 'ran' | 'timeout' | 'no-report' | 'unsupported';
  readonly exitCode: number | null;
  readonly seconds: number;
  /** Every test while running; in a committed result only the failed ones (see `counts`). */
  readonly tests: readonly TestRecord[];
  /** Tests per status, set when `tests` was trimmed for the committed result. */
  readonly counts?: Readonly<Record<TestStatus, number>>;
  /** Set when the runner wrote its report but did not exit (open handles): stopped this many seconds later. */
  readonly stoppedAfterReport?: number;
  /** The end of the output when no report could be read. */
  readonly outputTail?: string;
}

/** One `tsc --noEmit` error. */
export interface TscError {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

/** A type check of the project. */
export interface TscRun {
  readonly command: string;
  readonly ran: boolean;
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly errors: readonly TscError[];
  /** Set when tsc could not run or printed no error lines but failed. */
  readonly problem?: string;
}

/** One spec applied with the CLI. */
export interface SpecApplication {
  readonly spec: string;
  readonly exitCode: number | null;
  readonly applied: boolean;
  /** The CLI's one-sentence reason when it refused or failed. */
  readonly reason?: string;
  /** Files the CLI created or changed (relative to the project). */
  readonly changedFiles: readonly string[];
  readonly seconds: number;
}

/** `routecraft tests` on the entry's function, with the scripted model. */
export interface TestgenApplication {
  readonly target: string;
  readonly exitCode: number | null;
  /** Exit 0 and a file written. */
  readonly applied: boolean;
  /** The CLI's one-sentence reason when it refused or failed, or why nothing was kept. */
  readonly reason?: string;
  /** The CLI's counts: generated, compiled, passed (twice in its own copy), kept. */
  readonly counts?: { readonly generated: number; readonly compiled: number; readonly passed: number; readonly kept: number };
  /** The test file the CLI wrote (relative to the project). */
  readonly changedFiles: readonly string[];
  /** The CLI's "follows the project: …" lines (test location, API globals, imports). */
  readonly conventions: readonly string[];
  readonly seconds: number;
}

/** Generate Tests in one project: the application, then its file under the project's tsc and runner. */
export interface TestgenSummary {
  readonly application: TestgenApplication;
  /** New type errors in the written test file. */
  readonly typeErrors: readonly string[];
  /** The written file's new tests in the project's own test commands after the change. */
  readonly tests?: GeneratedTestsSummary;
  /** A second application changed nothing (checked with the specs' re-run). */
  readonly rerunExitCode?: number | null;
}

/** Old tests: those that passed in the baseline, and which of them still pass. */
export interface OldTestsSummary {
  readonly passedBefore: number;
  readonly stillPassing: number;
  /** Keys (`file › name`) of tests that passed before and do not now. */
  readonly broken: readonly string[];
  /** Tests that failed in the baseline (a database, a service): not counted against us. */
  readonly failingBefore: number;
}

/** Tests in files the CLI created or changed. */
export interface GeneratedTestsSummary {
  readonly files: readonly string[];
  readonly passed: number;
  readonly todo: number;
  readonly failed: number;
  readonly skipped: number;
  /** Test files the CLI created or changed in which the project's test commands ran no test. */
  readonly notRun: readonly string[];
  /** Up to 20 failures, `key: first line of the error`. */
  readonly failures: readonly string[];
}

/** The committed result of one project (corpus/results/<id>.json). */
export interface ProjectResult {
  readonly id: string;
  readonly repo: string;
  readonly commit: string;
  readonly framework: string;
  readonly cli: string;
  /** The commit of the repository the CLI was built in. */
  readonly cliCommit?: string;
  readonly date: string;
  readonly seconds: number;
  /** Set when the runner could not finish (export, install, baseline): the stage and why. */
  readonly failure?: { readonly stage: string; readonly reason: string };
  readonly install?: { readonly command: string; readonly seconds: number; readonly reinstalled?: string; readonly outputTail?: string };
  readonly baseline?: { readonly tsc: TscRun; readonly suites: readonly SuiteRun[] };
  readonly specs: readonly SpecApplication[];
  readonly after?: { readonly tsc: TscRun; readonly suites: readonly SuiteRun[] };
  readonly newTypeErrors: readonly string[];
  readonly oldTests?: OldTestsSummary;
  readonly generatedTests?: GeneratedTestsSummary;
  /** Generate Tests on the entry's function, when the entry names one. */
  readonly testgen?: TestgenSummary;
  readonly rerun?: { readonly unchanged: boolean; readonly changedFiles: readonly string[]; readonly exitCodes: readonly (number | null)[] };
  /** All specs applied, no new type error, every old test passing, every generated test passing or todo, re-run unchanged. */
  readonly clean: boolean;
}
