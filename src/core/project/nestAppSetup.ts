import { posix } from 'node:path';
import { Node, SyntaxKind, type CallExpression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../errors';
import { copyDependencies, parseProjectFile, resolveProjectModule, where, type CopiedImport, type FileReader } from './nestCodeCopy';

/** Nest's URI versioning as main.ts enables it. */
export interface NestUriVersioning {
  /** `v` unless main.ts sets another `prefix` (`''` for `prefix: false`). */
  readonly prefix: string;
  /** The `defaultVersion` (first of a list); undefined when none or VERSION_NEUTRAL. */
  readonly defaultVersion?: string;
}

/**
 * How the app is set up around its modules, read from main.ts (and the setup functions it calls
 * with the app), so that a test booting one feature module answers like the app does.
 */
export interface NestAppSetup {
  /** Statements applied to `app` before `app.init()`, in the app's order (`app.useGlobalPipes(...)`). */
  readonly statements: readonly string[];
  /** Providers for the testing module (`{ provide: APP_PIPE, useValue: ... }` from the root module). */
  readonly providers: readonly string[];
  readonly imports: readonly CopiedImport[];
  /** Local constants the statements read, declared before them. */
  readonly declarations: readonly string[];
  readonly globalPrefix?: string;
  readonly versioning?: NestUriVersioning;
  /** A class-validator ValidationPipe is applied globally. */
  readonly validationPipe: boolean;
  /** `transformOptions.enableImplicitConversion: true`: `12345` sent for a string becomes `'12345'`. */
  readonly implicitConversion: boolean;
  /** The pipe has an `exceptionFactory` (or global filters exist): the 400 body is the app's own shape. */
  readonly customErrorBody: boolean;
  /** Where each fact was read (`src/main.ts:8`). */
  readonly evidence: readonly string[];
}

const COPIED = new Set(['useGlobalPipes', 'setGlobalPrefix', 'enableVersioning']);

interface Found {
  readonly calls: CallExpression[];
  readonly filters: boolean;
}

function literalText(node: Node | undefined, what: string): string {
  if (node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node))) {
    return node.getLiteralValue();
  }
  throw new RoutecraftError('invalid-input', `The ${what} at ${node ? where(node) : 'main.ts'} is not a string literal, so the URL a test must call is unknown: nothing was written.`);
}

/** A function declared in this file or exported by a project file it imports, by name. */
function findFunction(read: FileReader, file: SourceFile, name: string): Node | undefined {
  const local = file.getFunction(name) ?? file.getVariableDeclaration(name)?.getInitializer();
  if (local) {
    return local;
  }
  const decl = file.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === name) || d.getDefaultImport()?.getText() === name);
  const path = decl && resolveProjectModule(read, file.getFilePath().replace(/^\//, ''), decl.getModuleSpecifierValue());
  const other = path === undefined ? undefined : parseProjectFile(read, path);
  return other?.getFunction(name) ?? other?.getVariableDeclaration(name)?.getInitializer() ?? other?.getDefaultExportSymbol()?.getDeclarations()[0];
}

/** The app calls in `scope` (receiver `app`), following functions that are handed the app (two levels). */
function collect(read: FileReader, scope: Node, receiver: string, depth: number, found: Found): Found {
  let filters = found.filters;
  const calls = [...found.calls];
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === receiver) {
      const name = callee.getName();
      if (COPIED.has(name)) {
        calls.push(call);
      } else if (name === 'useGlobalFilters') {
        filters = true;
      }
      continue;
    }
    const index = call.getArguments().findIndex((a) => a.getText() === receiver);
    if (index < 0 || depth >= 2 || !Node.isIdentifier(callee)) {
      continue;
    }
    const fn = findFunction(read, call.getSourceFile(), callee.getText());
    if (fn && (Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
      const param = fn.getParameters()[index]?.getName();
      const body = fn.getBody();
      if (param !== undefined && body) {
        const inner = collect(read, body, param, depth + 1, { calls: [], filters: false });
        calls.push(...inner.calls);
        filters = filters || inner.filters;
      }
    }
  }
  return { calls, filters };
}

function versioningOf(call: CallExpression): NestUriVersioning {
  const options = call.getArguments()[0];
  if (!options || !Node.isObjectLiteralExpression(options)) {
    throw new RoutecraftError('invalid-input', `The versioning options at ${where(call)} are not an object literal, so the URL a test must call is unknown: nothing was written.`);
  }
  const prop = (name: string): Node | undefined => {
    const p = options.getProperty(name);
    return p && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
  };
  const type = prop('type')?.getText() ?? '';
  if (!/\bURI\b/.test(type)) {
    throw new RoutecraftError('invalid-input', `The app uses ${type || 'non-URI'} versioning (${where(call)}); only URI versioning is supported: nothing was written.`);
  }
  const prefixNode = prop('prefix');
  const prefix = prefixNode === undefined ? 'v' : prefixNode.getText() === 'false' ? '' : literalText(prefixNode, 'versioning prefix');
  let version = prop('defaultVersion');
  if (version && Node.isArrayLiteralExpression(version)) {
    version = version.getElements()[0];
  }
  const defaultVersion = version && (Node.isStringLiteral(version) || Node.isNoSubstitutionTemplateLiteral(version)) ? version.getLiteralValue() : undefined;
  return { prefix, ...(defaultVersion !== undefined ? { defaultVersion } : {}) };
}

/** The `{ provide: APP_PIPE, ... }` providers of the root module. */
function appPipeProviders(file: SourceFile | undefined): Node[] {
  if (!file) {
    return [];
  }
  return file.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression).filter((o) => {
    const provide = o.getProperty('provide');
    return provide !== undefined && Node.isPropertyAssignment(provide) && /^['"]?APP_PIPE['"]?$/.test(provide.getInitializer()?.getText() ?? '');
  });
}

/** The file that calls `NestFactory.create`: main.ts beside the root module, else in the source folder. */
export function nestMainFile(read: FileReader, rootModule: string, sourceDir: string): string | undefined {
  const candidates = [posix.join(posix.dirname(rootModule), 'main.ts'), posix.join(sourceDir, 'main.ts')];
  return candidates.find((path) => /NestFactory\s*\.\s*create/.test(read(path) ?? ''));
}

/**
 * Reads the app's global setup: `app.useGlobalPipes`, `app.setGlobalPrefix` and
 * `app.enableVersioning` in main.ts (or in functions main.ts hands the app to), and APP_PIPE
 * providers of the root module. Throws a RoutecraftError (one sentence) when the setup cannot be
 * rebuilt in a test or the URLs cannot be known.
 */
export function readNestAppSetup(read: FileReader, mainFile: string | undefined, rootModule: string): NestAppSetup {
  const main = mainFile === undefined ? undefined : parseProjectFile(read, mainFile);
  const create = main?.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => /^NestFactory\s*\.\s*create$/.test(c.getExpression().getText()));
  const appVar = create?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const scope = create?.getFirstAncestor((n) => Node.isFunctionDeclaration(n) || Node.isArrowFunction(n) || Node.isFunctionExpression(n)) ?? main;
  const found = appVar && scope ? collect(read, scope, appVar.getName(), 0, { calls: [], filters: false }) : { calls: [], filters: false };
  const providers = appPipeProviders(parseProjectFile(read, rootModule));
  const deps = copyDependencies(read, [...found.calls.flatMap((c) => c.getArguments()), ...providers], appVar?.getName() ?? 'app');
  let globalPrefix: string | undefined;
  let versioning: NestUriVersioning | undefined;
  const statements: string[] = [];
  for (const call of found.calls) {
    const name = (call.getExpression() as PropertyAccessExpression).getName();
    if (name === 'setGlobalPrefix') {
      globalPrefix = literalText(call.getArguments()[0], 'global prefix');
    } else if (name === 'enableVersioning') {
      versioning = versioningOf(call);
    }
    statements.push(`app.${name}(${call.getArguments().map((a) => a.getText()).join(', ')});`);
  }
  const pipeText = [...found.calls.filter((c) => c.getExpression().getText().endsWith('useGlobalPipes')), ...providers].map((n) => n.getText()).join('\n') + deps.declarations.join('\n');
  return {
    statements,
    providers: providers.map((p) => p.getText()),
    imports: deps.imports,
    declarations: deps.declarations,
    ...(globalPrefix !== undefined ? { globalPrefix } : {}),
    ...(versioning ? { versioning } : {}),
    validationPipe: /\bValidationPipe\b/.test(pipeText),
    implicitConversion: /enableImplicitConversion\s*:\s*true/.test(pipeText),
    customErrorBody: found.filters || /exceptionFactory/.test(pipeText),
    evidence: [...found.calls, ...providers].map(where),
  };
}
