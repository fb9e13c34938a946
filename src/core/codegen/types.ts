import type { CodeStyle, FrameworkName, ProjectLayout, TestRunnerName, ValidationStyle } from '../project/projectFacts';
import type { EndpointSpec } from '../endpointSpec';
import type { ProjectFiles } from '../project/projectFs';

/**
 * What a generator needs to know about the project, decoupled from project detection: the
 * orchestrator maps ProjectFacts (or CLI flags, or a quick pick) to this.
 */
export interface CodegenOptions {
  readonly framework: FrameworkName;
  readonly frameworkMajor: number;
  readonly testRunner: TestRunnerName;
  readonly moduleKind: 'esm' | 'cjs';
  /** What relative imports end with: `''` (bundler/CJS) or `'.js'` (NodeNext ESM). */
  readonly importExtension: '' | '.js';
  readonly zodMajor: 3 | 4;
  readonly style: CodeStyle;
  readonly layout: ProjectLayout;
  /** tsconfig `paths` the project's files import through (`@/` → `src/`); optional, empty when absent. */
  readonly pathAliases?: readonly { readonly prefix: string; readonly target: string }[];
  /**
   * The validation library the project depends on (its workspace root's included), as detection
   * found it; optional. `none` lets a framework with built-in validation (Fastify's JSON Schema)
   * use it instead of adding a library.
   */
  readonly validation?: ValidationStyle;
}

/** The same shapes project detection reports (one definition, in src/core/project). */
export type { CodeStyle, ProjectLayout } from '../project/projectFacts';

/**
 * Read access to the project's current files (sync): defined beside ProjectFs in src/core/project,
 * the one way core reads project files; generators get it and never touch node:fs.
 */
export type { ProjectFiles } from '../project/projectFs';

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
  /**
   * Facts the generation used that the review should state (where routes were registered and why,
   * and what it kept as before when the project was ambiguous). Optional.
   */
  notes?(input: GeneratorInput): readonly string[];
  /**
   * Project files the generated code relies on without importing them (module augmentations in
   * plugins a loader registers, such as `@fastify/swagger`'s route schema keys): the type check
   * loads them beside the generated files. Optional; paths relative to the root.
   */
  contextFiles?(input: GeneratorInput): readonly string[];
}
