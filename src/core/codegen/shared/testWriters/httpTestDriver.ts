import type { FailingCase } from '../failingCases';
import type { ImportSpec } from '../imports';
import type { Operation } from '../operations';
import type { RunnerStyle } from './runnerStyle';

/** One request a test sends; every field is TypeScript expression text. */
export interface SendRequest {
  /** The variable the response is bound to. */
  readonly res: string;
  readonly method: Operation['method'];
  /** A string or template literal: `'/products'`, `` `/products/${id}` ``. */
  readonly url: string;
  /** An object literal of query parameters. */
  readonly query?: string;
  /** A JSON-like literal for the body. */
  readonly body?: string;
  /** `url` with the query encoded into it (`'/products/search?q=x'`); equal to `url` without a query. */
  readonly urlWithQuery: string;
  /** Whether a later step of the test reads this answer's body (a driver may parse it once, here). */
  readonly readsBody: boolean;
}

/** What a driver needs around a top-level suite: an app built before its tests and closed after them. */
export interface SuiteSetup {
  /** Declarations at the top of the suite, e.g. `let app: FastifyInstance;`. */
  readonly declarations: readonly string[];
  /** Statements of the suite's before-all hook (async). */
  readonly before: readonly string[];
  /** Statements of the suite's after-all hook (async). */
  readonly after: readonly string[];
}

/**
 * The framework-specific piece of a generated test: how to send a request to the project's app and
 * read the answer. Express uses supertest; Fastify uses `app.inject`, Hono `app.request`.
 */
export interface HttpTestDriver {
  /** The imports a test file needs: the request library, the app. `testFile` is relative to the root. */
  imports(testFile: string): ImportSpec[];
  /** Statements that send the request and bind the answer to `req.res`. */
  send(req: SendRequest): string[];
  /** Expressions over a bound answer. `body` is loosely typed (the parsed JSON). */
  status(res: string): string;
  body(res: string): string;
  header(res: string, name: string): string;
  /** Set up once per top-level suite; written only when the suite is created. */
  readonly suite?: SuiteSetup;
  /**
   * Assertions that a 400 answer names the field at `issuePath`, for frameworks whose 400 body is
   * not the shared ValidationError body (Nest's ValidationPipe: `{ message: string[] }`). Optional:
   * by default the test checks `error` and `issues[].path`.
   */
  validationIssue?(res: string, issuePath: string, runner: RunnerStyle): string[];
  /**
   * Whether the app's validator answers this case with 400. Optional (default: every case): a
   * validator that coerces (Fastify's ajv turns `12345` into `'12345'`) accepts some cases, and a
   * test expecting 400 for them would fail although the endpoint behaves as the project's others.
   */
  rejects?(failing: FailingCase): boolean;
  /** The status the app answers invalid input with, when it is not 400 (a project's validation hook: 422). */
  readonly validationStatus?: number;
}
