import type { ValidationStyle } from '../../project/projectFacts';
import { packageJsonOrUndefined } from '../../project/packageJson';
import type { ProjectFiles } from '../types';
import type { ProjectSources } from './projectSources';
import { findZodTypeProvider } from './zodTypeProvider';

/**
 * How a Fastify project validates, learned from its package.json and its app's code:
 * `typebox` — route `schema`s written with TypeBox, checked by Fastify's own validator (ajv), typed
 * by `@fastify/type-provider-typebox`; `zod-provider` — route `schema`s written with zod, checked
 * by fastify-type-provider-zod's `validatorCompiler`, which the app registers; `json-schema` — plain
 * JSON Schema route `schema`s checked by Fastify's built-in ajv, for a project without a validation
 * library (no dependency is added); `zod` — the safeParse path (one 400 listing every zod issue).
 */
export type FastifyValidation =
  | { readonly kind: 'typebox'; readonly typeboxModule: 'typebox' | '@sinclair/typebox'; readonly evidence: string }
  | { readonly kind: 'zod-provider'; readonly evidence: string }
  | { readonly kind: 'json-schema'; readonly evidence: string }
  | { readonly kind: 'zod'; readonly evidence: string };

/** What the dialect is read from besides package.json: the app's code and the detected validation library. */
export interface ValidationSources {
  readonly sources: ProjectSources;
  /** The files that build the app (the app file, or autoload's app plugin). */
  readonly appFiles: readonly string[];
  /** Plugin folders autoload loads beside the app. */
  readonly pluginDirs?: readonly string[];
  /** The validation library detection found (the workspace root's dependencies included). */
  readonly validation?: ValidationStyle;
}

function dependencies(files: ProjectFiles): Set<string> {
  const pkg = packageJsonOrUndefined(files.read('package.json'));
  return new Set(pkg ? [...pkg.sections.dependencies.keys(), ...pkg.sections.devDependencies.keys()] : []);
}

/**
 * The project's validation for Fastify routes: TypeBox when it has the TypeBox type provider; zod
 * route schemas when the app registers fastify-type-provider-zod's validator; Fastify's built-in
 * JSON Schema validation when the project has no validation library at all; else zod safeParse.
 */
export function fastifyValidation(files: ProjectFiles, context?: ValidationSources): FastifyValidation {
  const deps = dependencies(files);
  if (deps.has('@fastify/type-provider-typebox')) {
    const typeboxModule = deps.has('typebox') ? 'typebox' : '@sinclair/typebox';
    return { kind: 'typebox', typeboxModule, evidence: `package.json: @fastify/type-provider-typebox, ${typeboxModule}` };
  }
  const provider = context ? findZodTypeProvider(context.sources, context.appFiles, context.pluginDirs) : undefined;
  if (provider) {
    return { kind: 'zod-provider', evidence: provider.evidence };
  }
  if (context?.validation === 'none' && !deps.has('zod')) {
    return { kind: 'json-schema', evidence: 'no validation library among the dependencies: JSON Schema route schemas, checked by Fastify' };
  }
  return { kind: 'zod', evidence: 'package.json: no Fastify type provider, zod safeParse in the handlers' };
}

/** Whether package.json lists a dependency (used for `@fastify/swagger`). */
export function hasDependency(files: ProjectFiles, name: string): boolean {
  return dependencies(files).has(name);
}
