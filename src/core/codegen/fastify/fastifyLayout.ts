import { posix } from 'node:path';
import { Node } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { AutoloadLayout } from './autoloadRoutes';
import type { ProjectSources } from './projectSources';

/** Where a resource's plugin and tests go in an autoload app, and the URL autoload serves it under. */
export interface AutoloadPlacement {
  readonly router: string;
  readonly test: string;
  /** `options.prefix` of the autoload registration + the folder path (or the plugin's `autoPrefix`). */
  readonly urlBase: string;
}

/** `export const autoPrefix = '/x'` in an existing plugin file: autoload serves the folder there instead. */
function autoPrefixOf(sources: ProjectSources, path: string): string | undefined {
  const init = sources.get(path)?.getVariableDeclaration('autoPrefix')?.getInitializer();
  return init && Node.isStringLiteral(init) ? init.getLiteralValue() : undefined;
}

/**
 * Tests mirror the routes folder under `<testsDir>/routes` when the project does so: beside a
 * folder's name (`test/routes/notes.test.ts`, fastify-cli) or inside it
 * (`test/routes/api/tasks/tasks.test.ts`), as the existing tests there show.
 */
function mirroredTest(ctx: GenerationContext, sources: ProjectSources, routesDir: string, router: string): string | undefined {
  const { testsDir, testSuffix, testsColocated } = ctx.input.options.layout;
  const testsRoutes = posix.join(testsDir, 'routes');
  if (testsColocated) {
    return undefined;
  }
  const existing = sources.walk(testsRoutes).filter((f) => /\.(?:test|spec)\.[cm]?ts$/.test(f));
  if (existing.length === 0) {
    return undefined;
  }
  const rel = posix.relative(routesDir, posix.dirname(router));
  const suffix = existing.some((f) => f.endsWith('.spec.ts')) && !existing.some((f) => f.endsWith('.test.ts')) ? '.spec.ts' : testSuffix;
  const nested = existing.some((f) => posix.basename(posix.dirname(f)) === posix.basename(f).replace(/\.(?:test|spec)\.[cm]?ts$/, ''));
  const name = posix.basename(rel);
  return nested ? posix.join(testsRoutes, rel, `${name}${suffix}`) : posix.join(testsRoutes, `${rel}${suffix}`);
}

/**
 * The resource's folder under the autoloaded routes folder (`src/routes/gadgets/index.ts`, or an
 * existing `src/routes/gadgets.ts`): no registration edit, autoload registers it with the folder
 * name as prefix.
 */
export function autoloadPlacement(ctx: GenerationContext, sources: ProjectSources, autoload: AutoloadLayout): AutoloadPlacement {
  const base = ctx.names.basePath;
  const flat = posix.join(autoload.routesDir, `${base}.ts`);
  const router = ctx.input.files.exists(flat) ? flat : posix.join(autoload.routesDir, base, 'index.ts');
  const autoPrefix = autoPrefixOf(sources, router);
  const urlBase = `${autoload.prefix}${autoPrefix ?? base}`;
  return { router, test: mirroredTest(ctx, sources, autoload.routesDir, router) ?? ctx.paths.test, urlBase };
}

/**
 * Schemas and repositories beside the app when the app plugin sits in its own folder below the
 * source folder (Nx: `src/app/app.ts` loading `src/app/routes`): `src/app/schemas/gadgets.ts`, not
 * `src/schemas/gadgets.ts` next to `main.ts`. Unchanged when the app file is in the source folder.
 */
export function besideApp(ctx: GenerationContext, appPath: string): { readonly schemas: string; readonly repository: string } {
  const { sourceDir } = ctx.input.options.layout;
  const appDir = posix.dirname(appPath);
  const move = (path: string): string => (appDir !== sourceDir && appDir.startsWith(`${sourceDir}/`) && path.startsWith(`${sourceDir}/`) ? posix.join(appDir, path.slice(sourceDir.length + 1)) : path);
  return { schemas: move(ctx.paths.schemas), repository: move(ctx.paths.repository) };
}
