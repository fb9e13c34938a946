import type { ProjectFiles } from '../types';

/**
 * How a Fastify project validates, learned from its package.json:
 * `typebox` — route `schema`s written with TypeBox, checked by Fastify's own validator, typed by
 * `@fastify/type-provider-typebox`; `zod` — the safeParse path (one 400 listing every zod issue).
 */
export type FastifyValidation =
  | { readonly kind: 'typebox'; readonly typeboxModule: 'typebox' | '@sinclair/typebox'; readonly evidence: string }
  | { readonly kind: 'zod'; readonly evidence: string };

function dependencies(files: ProjectFiles): Set<string> {
  try {
    const pkg = JSON.parse(files.read('package.json') ?? '{}') as Record<string, Record<string, string> | undefined>;
    return new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  } catch {
    return new Set();
  }
}

/** The project's validation for Fastify routes: TypeBox when it has the TypeBox type provider, else zod. */
export function fastifyValidation(files: ProjectFiles): FastifyValidation {
  const deps = dependencies(files);
  if (deps.has('@fastify/type-provider-typebox')) {
    const typeboxModule = deps.has('typebox') ? 'typebox' : '@sinclair/typebox';
    return { kind: 'typebox', typeboxModule, evidence: `package.json: @fastify/type-provider-typebox, ${typeboxModule}` };
  }
  return { kind: 'zod', evidence: 'package.json: no Fastify type provider, zod safeParse in the handlers' };
}

/** Whether package.json lists a dependency (used for `@fastify/swagger`). */
export function hasDependency(files: ProjectFiles, name: string): boolean {
  return dependencies(files).has(name);
}
