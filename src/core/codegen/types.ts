import type { EndpointSpec } from '../spec';

/**
 * What a generator needs to know about the project, decoupled from project detection: the
 * orchestrator maps ProjectFacts (or CLI flags, or a quick pick) to this.
 */
export interface CodegenOptions {
  readonly framework: 'express' | 'fastify' | 'nestjs' | 'hono';
  readonly frameworkMajor: number;
  readonly testRunner: 'vitest' | 'jest' | 'mocha' | 'node:test';
  readonly moduleKind: 'esm' | 'cjs';
  /** What relative imports end with: `''` (bundler/CJS) or `'.js'` (NodeNext ESM). */
  readonly importExtension: '' | '.js';
  readonly zodMajor: 3 | 4;
  readonly style: CodeStyle;
  readonly layout: ProjectLayout;
}

/** How the project writes code. */
export interface CodeStyle {
  readonly quote: 'single' | 'double';
  readonly semicolons: boolean;
  /** One level of indentation: two or four spaces, or a tab. */
  readonly indent: string;
  readonly trailingComma: boolean;
}

/** Where things live, all relative to the project root. */
export interface ProjectLayout {
  /** e.g. `src` */
  readonly sourceDir: string;
  /** e.g. `src/routes` */
  readonly routesDir: string;
  /** e.g. `test`; ignored when tests are colocated. */
  readonly testsDir: string;
  readonly testSuffix: '.test.ts' | '.spec.ts';
  /** Tests sit next to the file they test (`src/routes/products.test.ts`). */
  readonly testsColocated: boolean;
  /** The file that creates the app and registers routers, e.g. `src/app.ts`. */
  readonly appFile?: string;
}

/** Read access to the project's current files; paths relative to the project root, `/`-separated. */
export interface ProjectFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

/** One file a generator creates or changes; `before` is undefined for a new file. */
export interface GeneratedFile {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string;
}

/** Everything one generation run gets. */
export interface GeneratorInput {
  readonly spec: EndpointSpec;
  readonly options: CodegenOptions;
  readonly files: ProjectFiles;
  /** operationId → handler statements from the LLM's fenced block. */
  readonly handlerBodies: Readonly<Record<string, string>>;
}

/** A framework's generator: deterministic, no I/O; returns only files whose content changes. */
export interface EndpointGenerator {
  readonly framework: CodegenOptions['framework'];
  /**
   * What an LLM-written handler body may use and how it answers, told to the model in the prompt
   * (the names the generator declares around the body).
   */
  readonly handlerContract: string;
  generate(input: GeneratorInput): GeneratedFile[];
}
