import { Node, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { appFilePath, findExportedApp, type ProjectApp } from '../shared/projectApp';
import { honoClassNames } from './appFactory';

/** Where the project's Hono app is created and how it is exported. */
export type HonoApp = ProjectApp;

/** The exported variable initialised with `new Hono()` (or `new OpenAPIHono()`); undefined when there is none. */
export function findHonoApp(path: string, file: SourceFile): HonoApp | undefined {
  const classes = honoClassNames(file);
  return findExportedApp(path, file, (init) => Node.isNewExpression(init) && classes.has(init.getExpression().getText()));
}

/** Like {@link findHonoApp}, but throws a RoutecraftError that says what to do. */
export function findHonoAppOrThrow(ctx: GenerationContext, file: SourceFile): HonoApp {
  const path = appFilePath(ctx);
  const app = findHonoApp(path, file);
  if (!app) {
    throw new RoutecraftError('invalid-input', `Could not find an exported Hono app (\`const app = new Hono()\` with \`export default app\`) in ${path}: choose the app file (CLI: --app-file) or export the app so routes can be registered and tested.`);
  }
  return app;
}
