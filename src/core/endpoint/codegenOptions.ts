import type { CodegenOptions } from '../codegen/types';
import { RoutecraftError } from '../errors';
import type { FrameworkName, ProjectFacts, TestRunnerName, UnknownFact } from '../project/projectFacts';
import { zodVersionForTypeScript } from '../project/zodVersionForTypeScript';

/** The major assumed when the user names a framework detection did not find (its current release). */
const CURRENT_MAJOR: Readonly<Record<FrameworkName, number>> = { express: 5, fastify: 5, nestjs: 11, hono: 4 };

/** What the user decided where detection could not (quick pick in the editor, flags in the CLI). */
export interface FactOverrides {
  readonly framework?: FrameworkName;
  readonly testRunner?: TestRunnerName;
  readonly routesDir?: string;
  readonly appFile?: string;
  /** In a monorepo: the package that gets the endpoint (its name or workspace-relative folder). */
  readonly package?: string;
}

/** The unknowns that still need an answer once the overrides are applied. */
export function openQuestions(facts: ProjectFacts, overrides: FactOverrides): UnknownFact[] {
  return facts.unknowns.filter((u) => overrides[u.fact] === undefined);
}

/** Project facts (plus the user's answers) as the generators' options. Throws when a required fact is missing. */
export function codegenOptionsFrom(facts: ProjectFacts, overrides: FactOverrides = {}): CodegenOptions {
  const framework = overrides.framework ?? facts.framework?.name;
  const testRunner = overrides.testRunner ?? facts.testRunner?.name;
  if (!framework) {
    throw new RoutecraftError('invalid-input', 'Could not tell which web framework this project uses (Express, Fastify, NestJS or Hono). Choose one (CLI: --framework).');
  }
  if (!testRunner) {
    throw new RoutecraftError('invalid-input', 'Could not tell which test runner this project uses (vitest, jest, mocha or node:test). Choose one (CLI: --test-runner).');
  }
  const zodMajor = facts.zod?.major ?? (zodVersionForTypeScript(facts.typescriptVersion).major);
  return {
    framework,
    frameworkMajor: facts.framework?.name === framework ? facts.framework.major : CURRENT_MAJOR[framework],
    testRunner,
    moduleKind: facts.moduleKind,
    importExtension: facts.importExtension,
    zodMajor,
    style: facts.style,
    pathAliases: facts.pathAliases,
    validation: facts.validation,
    layout: {
      ...facts.layout,
      ...(overrides.routesDir === undefined ? {} : { routesDir: overrides.routesDir }),
      ...(overrides.appFile === undefined ? {} : { appFile: overrides.appFile }),
    },
  };
}
