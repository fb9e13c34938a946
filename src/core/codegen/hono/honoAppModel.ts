import { Node, ts, type ArrayLiteralExpression, type CallExpression, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { appFilePath, exportNameOf } from '../shared/projectApp';
import { honoClassNames, importedFrom, readFactory, type HonoFactory, type ProjectFunction } from './appFactory';
import type { HonoApp } from './honoApp';
import { scanFile } from '../shared/projectModules';
import { arrayLiteralOf, findRouteLoops } from '../shared/routeArrays';

/** A router the app mounts, as the app file imports it. */
export interface RegisteredRouter {
  readonly localName: string;
  /** The router's module, relative to the root. */
  readonly path: string;
  readonly specifier: string;
  readonly exportName: string;
}

/** Where the served OpenAPI document comes from: a helper the app file calls with the app, or the app file itself. */
export interface DocSetup {
  readonly docPath: string;
  readonly helper?: ProjectFunction;
}

/** The project's Hono app as its code shows it (file:line evidence is the app file). */
export interface HonoAppModel extends HonoApp {
  /** `OpenAPIHono` (routes validated and documented with `createRoute`) or plain `Hono`. */
  readonly openapi: boolean;
  /** Set when the app is built by a factory (`const app = createApp()`). */
  readonly factory?: HonoFactory;
  /** Set when routers are mounted by looping over an array (`routes.forEach((r) => app.route('/', r))`). */
  readonly routesArray?: { readonly name: string; readonly mountPath: string };
  /** The routers the app mounts, in order. */
  readonly routers: readonly RegisteredRouter[];
  readonly doc?: DocSetup;
}

function isRouteCallOn(call: CallExpression, app: string): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'route' && callee.getExpression().getText() === app;
}

/** `routes.forEach((route) => { app.route('/', route) })` or `for (const route of routes) app.route('/', route)`. */
function findRoutesArray(file: SourceFile, app: string): { name: string; mountPath: string; array: ArrayLiteralExpression } | undefined {
  for (const loop of findRouteLoops(file, (c) => isRouteCallOn(c, app))) {
    const [path, router] = loop.args;
    const array = arrayLiteralOf(file, loop.arrayName);
    if (path?.kind === 'literal' && router?.kind === 'element' && array) {
      return { name: loop.arrayName, mountPath: path.value, array };
    }
  }
  return undefined;
}

function findDoc(ctx: GenerationContext, path: string, file: SourceFile, app: string): DocSetup | undefined {
  const own = new RegExp(`\\b${app}\\s*\\.\\s*doc(?:31)?\\(\\s*['"\`]([^'"\`]+)`).exec(file.getFullText());
  if (own) {
    return { docPath: own[1]! };
  }
  for (const statement of file.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!call || !Node.isCallExpression(call) || !Node.isIdentifier(call.getExpression()) || call.getArguments()[0]?.getText() !== app) {
      continue;
    }
    const name = call.getExpression().getText();
    const imported = importedFrom(ctx, path, file, name);
    const text = imported ? ctx.input.files.read(imported.path) : undefined;
    const docPath = text === undefined ? undefined : /\.doc(?:31)?\(\s*['"`]([^'"`]+)/.exec(text)?.[1];
    if (imported && docPath !== undefined) {
      return { docPath, helper: { name, path: imported.path, exportName: imported.exportName } };
    }
  }
  return undefined;
}

/** Reads the app file: the exported app (`new Hono()`, `new OpenAPIHono()` or a factory call), how routers are mounted, and the document. */
export function readHonoAppModel(ctx: GenerationContext): HonoAppModel | undefined {
  const path = appFilePath(ctx);
  const scanned = scanFile(ctx, path);
  if (!scanned) {
    return undefined;
  }
  const { file } = scanned;
  const classes = honoClassNames(file);
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    const localName = decl.getName();
    const exportName = exportNameOf(file, localName, decl.getVariableStatement()?.isExported() === true);
    if (!init || exportName === undefined) {
      continue;
    }
    const created = Node.isNewExpression(init) ? classes.get(init.getExpression().getText()) : undefined;
    const factory = created ? undefined : readFactory(ctx, path, file, init);
    if (!created && !factory) {
      continue;
    }
    const array = findRoutesArray(file, localName);
    const routerNames = array
      ? array.array.getElements().map((e) => e.getText())
      : file.getDescendantsOfKind(ts.SyntaxKind.CallExpression).filter((c) => isRouteCallOn(c, localName)).map((c) => c.getArguments()[1]?.getText() ?? '');
    const routers = routerNames.flatMap((name) => {
      const from = importedFrom(ctx, path, file, name);
      return from ? [{ localName: name, ...from }] : [];
    });
    const doc = findDoc(ctx, path, file, localName);
    return {
      path, localName, exportName,
      openapi: created ? created === 'OpenAPIHono' : factory!.openapi,
      ...(factory ? { factory } : {}),
      ...(array ? { routesArray: { name: array.name, mountPath: array.mountPath } } : {}),
      routers,
      ...(doc ? { doc } : {}),
    };
  }
  return undefined;
}

/** Like {@link readHonoAppModel}, but throws a RoutecraftError that says what was looked for. */
export function readHonoAppModelOrThrow(ctx: GenerationContext): HonoAppModel {
  const model = readHonoAppModel(ctx);
  if (!model) {
    throw new RoutecraftError('invalid-input', `Could not find an exported Hono app in ${appFilePath(ctx)} (an exported \`new Hono()\`/\`new OpenAPIHono()\`, or an exported call of a project factory such as \`createApp()\` that returns one): choose the app file (CLI: --app-file).`);
  }
  return model;
}
