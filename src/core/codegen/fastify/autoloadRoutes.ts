import { posix } from 'node:path';
import { Node, SyntaxKind, type CallExpression, type Expression, type SourceFile } from 'ts-morph';
import { evidence, type ProjectSources } from './projectSources';

/** How the app loads its route folders with `@fastify/autoload`. */
export interface AutoloadLayout {
  /** The file that registers autoload (the app plugin or factory), relative to the root. */
  readonly appPath: string;
  /** The folder autoload loads routes from: a new folder there is registered with its name as prefix. */
  readonly routesDir: string;
  /** `options.prefix` of that registration (`/api`), `''` when none. */
  readonly prefix: string;
  /** The other folders autoload loads (shared plugins). */
  readonly pluginDirs: readonly string[];
  /** Where the routes registration is (`src/app.ts:31`). */
  readonly evidence: string;
}

/** The local names the file imports `@fastify/autoload` under. */
function autoloadNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const decl of file.getImportDeclarations().filter((d) => d.getModuleSpecifierValue() === '@fastify/autoload')) {
    const def = decl.getDefaultImport();
    if (def) {
      names.add(def.getText());
    }
    decl.getNamedImports().forEach((n) => names.add(n.getAliasNode()?.getText() ?? n.getName()));
  }
  return names;
}

const DIRNAME = /^(?:import\.meta\.dirname|__dirname|\w*[dD]irname\w*|(?:path\.)?dirname\(\s*(?:url\.)?fileURLToPath\(\s*import\.meta\.url\s*\)\s*\))$/;

/** `path.join(import.meta.dirname, 'routes')` (also `join`, `resolve`, `__dirname`) → `src/routes`. */
function resolveDir(file: string, expr: Expression | undefined): string | undefined {
  if (!expr || !Node.isCallExpression(expr) || !/^(?:path\.)?(?:join|resolve)$/.test(expr.getExpression().getText())) {
    return undefined;
  }
  const [first, ...rest] = expr.getArguments();
  if (!first || !DIRNAME.test(first.getText().replace(/\s+/g, ' ')) || rest.length === 0 || !rest.every((a) => Node.isStringLiteral(a))) {
    return undefined;
  }
  return posix.normalize(posix.join(posix.dirname(file), ...rest.map((a) => (a.asKindOrThrow(SyntaxKind.StringLiteral)).getLiteralValue())));
}

function objectProperty(expr: Node | undefined, name: string): Expression | undefined {
  if (!expr || !Node.isObjectLiteralExpression(expr)) {
    return undefined;
  }
  const prop = expr.getProperty(name);
  return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
}

interface AutoloadCall {
  readonly call: CallExpression;
  readonly dir: string | undefined;
}

function autoloadCalls(path: string, file: SourceFile): AutoloadCall[] {
  const names = autoloadNames(file);
  if (names.size === 0) {
    return [];
  }
  return file.getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => {
      const callee = call.getExpression();
      return Node.isPropertyAccessExpression(callee) && callee.getName() === 'register' && names.has(call.getArguments()[0]?.getText() ?? '');
    })
    .map((call) => ({ call, dir: resolveDir(path, objectProperty(call.getArguments()[1], 'dir')) }));
}

/** Where the routes autoload is registered in one file; a string explains why it cannot be used. */
function autoloadIn(path: string, file: SourceFile): AutoloadLayout | string | undefined {
  const calls = autoloadCalls(path, file);
  if (calls.length === 0) {
    return undefined;
  }
  const unresolved = calls.find((c) => c.dir === undefined);
  if (unresolved) {
    return `the @fastify/autoload folder at ${evidence(path, unresolved.call.getStartLineNumber())} is not a literal path.join(import.meta.dirname | __dirname, '…')`;
  }
  const routes = calls.filter((c) => /route/i.test(posix.basename(c.dir!)));
  if (routes.length !== 1) {
    return `${path} registers @fastify/autoload for ${calls.map((c) => c.dir).join(', ')}; none (or more than one) is a routes folder`;
  }
  const chosen = routes[0]!;
  const prefix = objectProperty(objectProperty(chosen.call.getArguments()[1], 'options'), 'prefix');
  return {
    appPath: path,
    routesDir: chosen.dir!,
    prefix: prefix && Node.isStringLiteral(prefix) ? prefix.getLiteralValue().replace(/\/$/, '') : '',
    pluginDirs: calls.filter((c) => c !== chosen).map((c) => c.dir!),
    evidence: evidence(path, chosen.call.getStartLineNumber()),
  };
}

/**
 * The routes folder `@fastify/autoload` loads, learned from the app file or the modules it imports
 * (fastify-cli's layout: `server.ts` registers the app plugin `app.ts`, which autoloads `plugins/`
 * and `routes/`). Undefined when the app does not use autoload; a string says why it cannot be used.
 */
export function findAutoloadLayout(sources: ProjectSources, appFile: string): AutoloadLayout | string | undefined {
  const file = sources.get(appFile);
  if (!file) {
    return undefined;
  }
  const direct = autoloadIn(appFile, file);
  if (direct !== undefined) {
    return direct;
  }
  const imported = file.getImportDeclarations()
    .map((d) => sources.resolve(appFile, d.getModuleSpecifierValue()))
    .filter((p): p is string => p !== undefined);
  for (const path of imported.slice(0, 20)) {
    const other = sources.get(path);
    const found = other ? autoloadIn(path, other) : undefined;
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
