/** The web frameworks Routecraft generates code for. */
export const FRAMEWORK_NAMES = ['express', 'fastify', 'nestjs', 'hono'] as const;
export type FrameworkName = (typeof FRAMEWORK_NAMES)[number];

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export type TestRunnerName = 'vitest' | 'jest' | 'mocha' | 'node:test';
export type AssertionStyle = 'chai' | 'node:assert' | 'expect';
export type HttpTester = 'supertest' | 'fastify-inject' | 'hono-request' | 'nest-testing';
export type ValidationStyle = 'zod' | 'zod-openapi' | 'zod-to-openapi' | 'class-validator' | 'none';

/** How the project's code is written, as neighbouring files (or the formatter's config) show. */
export interface CodeStyle {
  readonly quote: 'single' | 'double';
  readonly semicolons: boolean;
  /** One indentation level: `'  '`, `'    '` or `'\t'`. */
  readonly indent: string;
  readonly trailingComma: boolean;
}

/** Where things live, as root-relative POSIX paths (`.` is the root). */
export interface ProjectLayout {
  readonly sourceDir: string;
  readonly routesDir: string;
  readonly testsDir: string;
  readonly testSuffix: '.test.ts' | '.spec.ts';
  /** Tests sit next to the files they test (`src/users.test.ts` beside `src/users.ts`). */
  readonly testsColocated: boolean;
  /**
   * Where the app/server is created and routers/modules are registered: the file calling
   * `express()`, `Fastify(`, `new Hono(`; for NestJS the root module passed to `NestFactory.create`.
   */
  readonly appFile?: string;
}

/** A fact that could not be decided: the editor asks with a quick pick, the CLI needs a flag. */
export interface UnknownFact {
  readonly fact: 'framework' | 'testRunner' | 'routesDir' | 'appFile' | 'package';
  /** What to offer, most likely first (`express`, or `express@4` when only the version is unclear). */
  readonly candidates: readonly string[];
  readonly reason: string;
}

/** What Routecraft knows about a project before it generates code into it. */
export interface ProjectFacts {
  readonly root: string;
  readonly packageManager: PackageManager;
  /** package.json `type` and tsconfig `module`. */
  readonly moduleKind: 'esm' | 'cjs';
  /** `.js` where NodeNext/Node16 ESM needs it in relative imports, or where neighbours use it. */
  readonly importExtension: '' | '.js';
  readonly framework?: { readonly name: FrameworkName; readonly major: number };
  readonly testRunner?: { readonly name: TestRunnerName; readonly assertion?: AssertionStyle };
  readonly httpTester?: HttpTester;
  /** Undefined when zod is not a dependency. */
  readonly zod?: { readonly major: 3 | 4 };
  readonly typescriptVersion?: string;
  readonly layout: ProjectLayout;
  readonly style: CodeStyle;
  /** From tsconfig `paths`, only those neighbouring files actually use (`@/` → `src/`). */
  readonly pathAliases: readonly { readonly prefix: string; readonly target: string }[];
  readonly validation: ValidationStyle;
  readonly unknowns: readonly UnknownFact[];
  /** Set when the project is a package of a monorepo (Nx, pnpm/npm/yarn workspaces, Turborepo). */
  readonly workspace?: WorkspaceFacts;
}

/** The monorepo around a package, as detection found it. */
export interface WorkspaceFacts {
  /** Absolute path of the workspace root. */
  readonly root: string;
  /** `nx`, `pnpm`, `npm`, `yarn`, `bun`, `turbo`. */
  readonly kinds: readonly string[];
  /** The files that showed it (`nx.json`, `pnpm-workspace.yaml`, `package.json#workspaces`, `turbo.json`). */
  readonly evidence: readonly string[];
  /** Whether the package has its own package.json (an Nx project may not: the root's holds its dependencies). */
  readonly ownPackageJson: boolean;
}
