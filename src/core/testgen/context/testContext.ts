import type { AssertionStyle, CodeStyle, HttpTester, TestRunnerName } from '../../project';
import type { TestFileLocation } from '../place/findTestFile';
import type { TestConventions } from './testConventions';

/** What to write tests for: a file, and the code at an offset or a named symbol. */
export interface TestTargetRequest {
  /** Root-relative path of the source file. */
  readonly file: string;
  /** Character offset of the cursor or the selection start. */
  readonly offset?: number;
  /** `name`, `Class.method`, or a route as `METHOD /path` (e.g. `POST /users`). */
  readonly symbol?: string;
}

/** Bounds of the context, in lines. */
export interface TestContextLimits {
  /** Lines at most for everything together (default 400). */
  readonly maxLines: number;
  /** Lines at most for one part: the target, one callee, one type, one example (default 120). */
  readonly maxLinesPerPart: number;
  /** Example tests at most (default 2). */
  readonly maxExamples: number;
}

export const DEFAULT_TEST_CONTEXT_LIMITS: TestContextLimits = { maxLines: 400, maxLinesPerPart: 120, maxExamples: 2 };

/** A piece of code shown to the model. */
export interface ContextPart {
  readonly label: string;
  /** Root-relative path. */
  readonly file: string;
  /** 1-based lines in the file the text comes from. */
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
  /** True when the text was cut to its line budget. */
  readonly truncated: boolean;
}

export type TestTargetKind = 'function' | 'method' | 'class' | 'route-handler';

/** The code tests are written for. */
export interface TestTargetInfo {
  readonly kind: TestTargetKind;
  /** `applyDiscount`, `Cart.total`, `Cart`, `POST /users`: also the title of its `describe`. */
  readonly name: string;
  /** The signature with types resolved by the checker, e.g. `applyDiscount(cart: Cart, code: string): Money`. */
  readonly signature: string;
  /** Whether a test can import it (for a method: its class; for a route handler: its router). */
  readonly exported: boolean;
  /** The name a test imports (`default` export: the local name to give it), when importable. */
  readonly importName?: string;
  readonly defaultExport: boolean;
  /** For route handlers: the registration. */
  readonly route?: { readonly method: string; readonly path: string; readonly owner: string };
  readonly code: ContextPart;
}

/** Everything the model sees to write tests for one target; bounded by `TestContextLimits`. */
export interface TestContext {
  readonly root: string;
  readonly target: TestTargetInfo;
  /** Where the tests go. */
  readonly testFile: TestFileLocation;
  /** Module specifier of the target's file from the test file (`../src/lib/x.js` under NodeNext ESM). */
  readonly importPath: string;
  /** Import declarations a test would start from (the target's, the app's for route handlers). */
  readonly importHints: readonly string[];
  /** Project functions the target calls, with their code. */
  readonly callees: readonly ContextPart[];
  /** Project interfaces, type aliases and enums the target uses. */
  readonly types: readonly ContextPart[];
  /** Existing tests of the project, as a style example. */
  readonly examples: readonly ContextPart[];
  readonly runner: {
    readonly name: TestRunnerName;
    readonly assertion?: AssertionStyle;
    /** How tests are written with this runner (imports, mocks, assertions). */
    readonly notes: readonly string[];
  };
  readonly httpTester?: HttpTester;
  readonly moduleKind: 'esm' | 'cjs';
  readonly importExtension: '' | '.js';
  /** The test file's code style: the project's, with the nearest test's quotes and semicolons. */
  readonly style: CodeStyle;
  /** How the nearest tests are written (API globals or imports, aliases, import order); absent: defaults. */
  readonly conventions?: TestConventions;
  /** What was cut or left out to stay within the limits, one line each. */
  readonly omitted: readonly string[];
}
