import { resolve } from 'node:path';
import { applyChangeSet } from '../core/changes/applyChangeSet';
import { changeSetDiff } from '../core/changes/unifiedDiff';
import { diffStats, formatDiffStats } from '../core/changes/diffStats';
import type { Baseline } from '../core/changes/captureBaseline';
import type { ChangeSet } from '../core/changes/changeSet';
import { generateEndpoint } from '../core/endpoint/generateEndpoint';
import { RoutecraftError } from '../core/errors';
import { FRAMEWORK_NAMES, type FrameworkName, type TestRunnerName } from '../core/project/projectFacts';
import { loadSpecFile } from '../core/endpointSpec/inputs/loadSpecFile';
import { cliLlm, llmPathHelp, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';

export const endpointHelp = `Usage: routecraft endpoint "DESCRIPTION" [options]
       routecraft endpoint --spec FILE [--operation ID]... [options]

Generates route handlers, zod request validation and tests into your project, the way the project
is written (Express, Fastify, NestJS, Hono; vitest, jest, mocha, node:test). Prints the unified diff;
nothing is written without --write. Structured input (--spec, or a DESCRIPTION that is a Routecraft
spec, an OpenAPI operation, a TypeScript interface or a zod schema) needs no LLM.

Options:
  --project DIR        the project (default: the current directory); in a monorepo (Nx, pnpm/npm/yarn
                       workspaces, Turborepo) the package containing DIR
  --package NAME       in a monorepo: the package that gets the endpoint (its name or its folder,
                       e.g. apps/api); needed at the workspace root when several packages are backends
  --spec FILE          a Routecraft spec or an OpenAPI 3.x document (JSON or YAML; $refs resolved)
  --operation ID       with an OpenAPI --spec: only this operationId (repeatable)
  --write              apply the change (all files or none; refused if a file changed meanwhile)
  --allow-type-errors  with --write: write even if the generated code has type errors
  --framework NAME     when detection is unsure: ${FRAMEWORK_NAMES.join(', ')}
  --test-runner NAME   when detection is unsure: vitest, jest, mocha, node:test
  --routes-dir DIR     where route files go (default: detected)
  --app-file FILE      where routers are registered (default: detected)
  --base-url, --model, --timeout, --max-retries, --temperature   the LLM (see "routecraft explain --help")
${llmPathHelp}
Exit codes: 0 done, 1 failed (nothing written), 2 bad usage or a question only a flag can answer.
Print the spec format's JSON Schema with: routecraft spec-schema`;

export interface EndpointFlags extends LlmFlags, LlmPathFlags {
  readonly project?: string;
  readonly spec?: string;
  readonly operation?: string[];
  readonly write?: boolean;
  readonly 'allow-type-errors'?: boolean;
  readonly framework?: string;
  readonly 'test-runner'?: string;
  readonly 'routes-dir'?: string;
  readonly 'app-file'?: string;
  readonly package?: string;
  readonly verbose?: boolean;
}

const RUNNERS: readonly TestRunnerName[] = ['vitest', 'jest', 'mocha', 'node:test'];

/** `routecraft endpoint`: prints the diff, or writes it with --write; returns the exit code. */
export async function runEndpoint(description: string | undefined, flags: EndpointFlags, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, flags.project ?? '.');
  if (flags.framework !== undefined && !FRAMEWORK_NAMES.includes(flags.framework as FrameworkName)) {
    throw new RoutecraftError('invalid-input', `--framework takes one of ${FRAMEWORK_NAMES.join(', ')}, not "${flags.framework}".`);
  }
  if (flags['test-runner'] !== undefined && !RUNNERS.includes(flags['test-runner'] as TestRunnerName)) {
    throw new RoutecraftError('invalid-input', `--test-runner takes one of ${RUNNERS.join(', ')}, not "${flags['test-runner']}".`);
  }
  if ((description === undefined) === (flags.spec === undefined)) {
    throw new RoutecraftError('invalid-input', 'Give either a DESCRIPTION or --spec FILE.');
  }
  const logger = cliLogger(io, flags.verbose);
  const loaded = flags.spec === undefined ? undefined : await loadSpecFile(resolve(io.cwd, flags.spec), { operations: flags.operation });
  for (const warning of loaded?.warnings ?? []) {
    io.stderr.write(`routecraft: ${warning}\n`);
  }
  const llm = loaded ? undefined : cliLlm(llmSettingsFrom(flags, io.env), flags, io, logger);
  try {
    const result = await generateEndpoint({
      root,
      text: description,
      spec: loaded?.spec,
      llm: llm?.client,
      signal: io.signal,
      command: 'cli endpoint',
      overrides: {
        framework: flags.framework as FrameworkName | undefined,
        testRunner: flags['test-runner'] as TestRunnerName | undefined,
        routesDir: flags['routes-dir'],
        appFile: flags['app-file'],
        package: flags.package,
      },
      onProgress: (m) => flags.verbose && io.stderr.write(`${m}\n`),
    });
    switch (result.kind) {
      case 'needs-input':
        for (const q of result.questions) {
          io.stderr.write(`routecraft: ${sentence(q.reason)} Pass --${flagFor(q.fact)} (${q.candidates.join(', ')}).\n`);
        }
        return 2;
      case 'cancelled':
        io.stderr.write('Cancelled. Nothing was written.\n');
        return 130;
      case 'invalid':
        io.stderr.write(`routecraft: the spec could not be used; nothing was written:\n${result.issues.map((i) => `  - ${i}`).join('\n')}\n`);
        return 1;
      case 'failed':
        io.stderr.write(`routecraft: ${result.error.message}\nNothing was written.\n`);
        return 1;
      case 'ok':
        return await report(result.changeSet, result.notes, result.baseline, flags, io);
    }
    return 1;
  } finally {
    if (llm) {
      io.stderr.write(`${llm.usage.summaryLine()}\n`);
      await llm.close();
    }
  }
}

async function report(changeSet: ChangeSet, notes: readonly string[], baseline: Baseline, flags: EndpointFlags, io: CliIo): Promise<number> {
  io.stdout.write(changeSetDiff(changeSet));
  io.stderr.write(`${changeSet.summary}\n${formatDiffStats(diffStats(changeSet))}\n`);
  for (const note of notes) {
    io.stderr.write(`note: ${note}\n`);
  }
  const errors = changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${d.line}:${d.column} error TS${d.code}: ${d.message}`));
  for (const e of errors) {
    io.stderr.write(`${e}\n`);
  }
  if (!flags.write) {
    io.stderr.write('Review the diff above; run again with --write to apply it.\n');
    return 0;
  }
  if (errors.length > 0 && !flags['allow-type-errors']) {
    io.stderr.write(`routecraft: ${errors.length} type error(s) in the generated code; nothing was written (--allow-type-errors writes anyway).\n`);
    return 1;
  }
  const written = await applyChangeSet(changeSet, { checkStale: true, baseline });
  io.stderr.write(`Wrote ${written.length} file(s).\n`);
  return 0;
}

/** A detection reason (a clause, as the editor's pick list shows it) as a sentence of the CLI's message. */
function sentence(reason: string): string {
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

function flagFor(fact: string): string {
  return { framework: 'framework', testRunner: 'test-runner', routesDir: 'routes-dir', appFile: 'app-file', package: 'package' }[fact] ?? fact;
}
