import { assertInsideRoot } from '../changes/assertInsideRoot';
import { captureBaseline, type Baseline } from '../changes/captureBaseline';
import type { ChangeSet, FileChange } from '../changes/changeSet';
import { dropNoOpChanges } from '../changes/dropNoOpChanges';
import { typeCheckChangeSet } from '../changes/typeCheckChangeSet';
import { getGeneratorOrThrow } from '../codegen/registry';
import { RoutecraftError } from '../errors';
import { askStructured } from '../llm/structured';
import type { LlmClient, LlmResult } from '../llm/types';
import { detectProject } from '../project/detectProject';
import { createNodeProjectFiles } from '../project/nodeProjectFs';
import type { ProjectModel } from '../projectModel/projectModel';
import { resolveProjectRoot } from '../project/resolveProjectRoot';
import type { ProjectFacts, UnknownFact } from '../project/projectFacts';
import type { ProjectFileReader } from '../project/projectFs';
import { ENDPOINT_SPEC_FORMAT, EndpointSpecSchema, type EndpointSpec } from '../endpointSpec/endpointSpec';
import { parseSpecText } from '../endpointSpec/inputs/parseSpecText';
import { codegenOptionsFrom, openQuestions, type FactOverrides } from './codegenOptions';
import { repairHandlerBodies } from './repairBodies';
import { missingWorkspaceDependency } from './workspaceDependency';
import { buildSpecMessages, handlerBodiesFollowUp, handlerBodiesFrom } from './specPrompt';
import { deferAddedModules } from './pendingDependencies';
import { zodDependency } from './zodDependency';

export interface EndpointRequest {
  readonly root: string;
  /** A description in plain words, or a selected spec / OpenAPI / interface / zod schema. */
  readonly text?: string;
  /** A spec already in hand (the CLI's --spec FILE, loaded by the caller). */
  readonly spec?: EndpointSpec;
  /** Needed only for plain words; structured input never calls the LLM. */
  readonly llm?: LlmClient;
  readonly overrides?: FactOverrides;
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly onProgress?: (message: string) => void;
  /** The editor's active file: in a monorepo, its package gets the endpoint. */
  readonly activeFile?: string;
  /**
   * The editor's model of this workspace folder, kept between requests: facts and type-check
   * parses are reused while the files they came from are unchanged. The caller begins and ends
   * the request on it. Without it every request starts cold (the CLI).
   */
  readonly model?: ProjectModel;
}

export type EndpointResult =
  | {
      readonly kind: 'ok';
      readonly changeSet: ChangeSet;
      readonly spec: EndpointSpec;
      readonly facts: ProjectFacts;
      readonly baseline: Baseline;
      readonly notes: readonly string[];
      readonly mainFile?: string;
      /** Set when package.json gained a dependency: the command that installs it. */
      readonly installCommand?: string;
    }
  | { readonly kind: 'needs-input'; readonly questions: readonly UnknownFact[]; readonly facts: ProjectFacts }
  /** A monorepo root with several backend packages: which one (`package` question); nothing was read further. */
  | { readonly kind: 'needs-input'; readonly questions: readonly UnknownFact[]; readonly facts?: undefined; readonly workspaceRoot: string }
  | Exclude<LlmResult<never>, { kind: 'ok' }>;

/**
 * Description or structured input → validated spec → generated files → ChangeSet type-checked in
 * the project. Nothing is written: the caller reviews and applies the ChangeSet.
 */
export async function generateEndpoint(input: EndpointRequest): Promise<EndpointResult> {
  const progress = input.onProgress ?? (() => undefined);
  progress('Reading the project…');
  const target = await resolveProjectRoot({ start: input.root, packageName: input.overrides?.package, activeFile: input.activeFile });
  if (target.kind === 'ambiguous') {
    return { kind: 'needs-input', questions: [target.question], workspaceRoot: target.workspaceRoot };
  }
  // In a monorepo everything below works in the chosen package: detection, files, type check.
  const request: EndpointRequest = { ...input, root: target.root };
  const facts = request.model ? await request.model.detect(request.root) : await detectProject(request.root);
  const questions = openQuestions(facts, request.overrides ?? {});
  if (questions.some((q) => q.fact === 'framework' || q.fact === 'testRunner')) {
    return { kind: 'needs-input', questions, facts };
  }
  const options = codegenOptionsFrom(facts, request.overrides);
  const generator = getGeneratorOrThrow(options.framework);
  const notes: string[] = target.workspace ? [target.workspace.note] : [];
  // The one view of the project's files the generators (and the dependency checks) read.
  const files = createNodeProjectFiles(request.root);

  let spec = request.spec;
  let handlerBodies: Record<string, string> = {};
  if (!spec) {
    const text = request.text?.trim() ?? '';
    if (text === '') {
      throw new RoutecraftError('invalid-input', 'Describe the endpoint (or select a spec, an OpenAPI operation, a TypeScript interface or a zod schema).');
    }
    const parsed = parseSpecText(text);
    if (parsed.kind === 'invalid') {
      return { kind: 'invalid', issues: parsed.issues, raw: text };
    }
    if (parsed.kind === 'spec') {
      spec = parsed.spec;
      notes.push(`Spec read from the selected ${parsed.source} input; no LLM was used.`, ...parsed.warnings);
    } else {
      if (!request.llm) {
        throw new RoutecraftError('invalid-input', 'A description in plain words needs an LLM. Configure one, or give a structured spec (Routecraft spec, OpenAPI, TypeScript interface or zod schema).');
      }
      progress('Asking the model for an endpoint spec…');
      const brief = { framework: `${options.framework} ${options.frameworkMajor}`, testRunner: options.testRunner, existingResources: existingResources(files, options.layout.routesDir), handlerContract: generator.handlerContract };
      const answer = await askStructured(request.llm, {
        schema: EndpointSpecSchema,
        messages: buildSpecMessages(text, brief),
        purpose: 'endpoint-spec',
        format: ENDPOINT_SPEC_FORMAT,
        describe: 'a Routecraft endpoint spec, version 1',
        codeFollowUp: handlerBodiesFollowUp,
        signal: request.signal,
        command: request.command,
      });
      if (answer.kind !== 'ok') {
        return answer;
      }
      spec = answer.value.value;
      handlerBodies = handlerBodiesFrom(answer.value.codeBlocks, spec.endpoints.map((e) => e.operationId));
    }
  }

  progress('Writing the code…');
  const build = (bodies: Record<string, string>): ChangeSet => {
    const generated: FileChange[] = generator.generate({ spec: spec, options, files, handlerBodies: bodies }).map((f) => ({ ...f }));
    const missing = missingWorkspaceDependency(facts, generated);
    if (missing !== undefined) {
      throw new RoutecraftError('invalid-input', missing);
    }
    const zod = zodDependency(files, facts, generated, INSTALL[facts.packageManager]);
    const withZod = zod ? [...generated, zod.change] : generated;
    for (const file of withZod) {
      assertInsideRoot(request.root, file.path);
    }
    return dropNoOpChanges({ root: request.root, files: withZod, summary: summaryOf(spec, options.framework) });
  };
  // Generated once per set of handler bodies: the baseline and the type check share the first build.
  const firstBuild = build(handlerBodies);
  const baseline = await captureBaseline(request.root, generatedPaths(firstBuild));

  progress('Type-checking the change in your project…');
  const contextFiles = generator.contextFiles?.({ spec, options, files, handlerBodies }) ?? [];
  notes.push(...(generator.notes?.({ spec, options, files, handlerBodies }) ?? []));
  const session = request.model?.session;
  let changeSet = deferAddedModules(await typeCheckChangeSet(firstBuild, { contextFiles, ...(session ? { session } : {}) }), files);
  if (request.llm && Object.keys(handlerBodies).length > 0 && hasErrors(changeSet)) {
    progress('Asking the model to fix its handler code…');
    const repaired = await repairHandlerBodies(request.llm, { spec, handlerBodies, changeSet, signal: request.signal, command: request.command });
    if (repaired.kind === 'ok') {
      changeSet = deferAddedModules(await typeCheckChangeSet(build(repaired.value), { contextFiles, ...(session ? { session } : {}) }), files);
      handlerBodies = repaired.value;
    }
  }
  // Once, however often the set was built (baseline, check, repair).
  const zodNote = zodDependency(files, facts, changeSet.files, INSTALL[facts.packageManager])?.note;
  if (zodNote !== undefined && changeSet.files.some((f) => f.path === 'package.json')) {
    notes.push(zodNote);
  }
  if (hasErrors(changeSet)) {
    notes.push('Some generated code still has type errors; they are marked in the review. Fix them before running the tests.');
  }
  const mainFile = changeSet.files.find((f) => f.before === undefined && f.path.includes(options.layout.routesDir))?.path;
  const installCommand = changeSet.files.some((f) => f.path === 'package.json') ? INSTALL[facts.packageManager] : undefined;
  return { kind: 'ok', changeSet, spec, facts, baseline, notes, ...(mainFile ? { mainFile } : {}), ...(installCommand ? { installCommand } : {}) };
}

function hasErrors(changeSet: ChangeSet): boolean {
  return changeSet.files.some((f) => (f.diagnostics ?? []).some((d) => d.category === 'error'));
}

function generatedPaths(changeSet: ChangeSet): string[] {
  return changeSet.files.map((f) => f.path);
}

function summaryOf(spec: EndpointSpec, framework: string): string {
  const ops = [...(spec.crud ? [`CRUD (${spec.crud.operations.join(', ')})`] : []), ...spec.endpoints.map((e) => `${e.method} ${e.path}`)];
  return `${framework}: ${spec.resource} — ${ops.join('; ')}`;
}

const INSTALL: Readonly<Record<ProjectFacts['packageManager'], string>> = { npm: 'npm install', pnpm: 'pnpm install', yarn: 'yarn install', bun: 'bun install' };

/** Route files already there (names only), so the model can add to an existing resource. */
function existingResources(files: ProjectFileReader, routesDir: string): string[] {
  return files.list(routesDir)
    .filter((n) => /\.(ts|js)$/.test(n) && !/\.(test|spec)\./.test(n))
    .map((n) => n.replace(/\.[^.]+$/, ''));
}
