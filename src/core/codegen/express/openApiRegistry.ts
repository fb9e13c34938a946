import { posix } from 'node:path';
import { Node, SyntaxKind, type ObjectLiteralExpression, type Project, type SourceFile } from 'ts-morph';
import { createCodeProject } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { relativeModule } from '../shared/imports';
import { appStatements } from './expressApp';
import type { ExpressLayout } from './expressLayout';
import { createModuleResolver, type ModuleResolver } from './moduleResolver';
import { renameLike } from './neighbourNaming';
import { importOf, parseProjectFile, routerMounts } from './routerMounts';

/** How the project publishes its zod-to-openapi document, read from the neighbour and the import graph. */
export interface OpenApiRegistryFacts {
  /** The neighbour's registry (`userRegistry`) and ours (`gadgetRegistry`). */
  readonly neighbourRegistry: string;
  readonly registry: string;
  /** The neighbour's registerPath calls carry `tags`. */
  readonly tags: boolean;
  /** The neighbour registers its entity schema (`userRegistry.register('User', UserSchema)`). */
  readonly registersSchemas: boolean;
  /** The file that merges the registries (`new OpenAPIRegistry([healthCheckRegistry, userRegistry])`). */
  readonly aggregateFile: string;
  /** The URL the app serves the document at (`/swagger.json`), when it could be read. */
  readonly documentUrl?: string;
  readonly evidence: readonly string[];
}

/** The object literals passed to `<registry>.registerPath(...)` in a file. */
export function registerPathObjects(file: SourceFile, registry: string): ObjectLiteralExpression[] {
  return file.getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => call.getExpression().getText() === `${registry}.registerPath`)
    .map((call) => call.getArguments()[0])
    .filter((arg): arg is ObjectLiteralExpression => arg !== undefined && Node.isObjectLiteralExpression(arg));
}

/** Import-graph walk from the app file: every project file reachable through imports, at most `limit`. */
function reachable(project: Project, ctx: GenerationContext, resolver: ModuleResolver, start: string, limit = 60): Map<string, SourceFile> {
  const seen = new Map<string, SourceFile>();
  const queue = [start];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    const file = seen.has(path) ? undefined : parseProjectFile(project, ctx.input.files, path);
    if (!file) {
      continue;
    }
    seen.set(path, file);
    for (const decl of file.getImportDeclarations()) {
      const target = resolver.resolve(path, decl.getModuleSpecifierValue());
      if (target && !seen.has(target) && !/\.(test|spec)\.tsx?$/.test(target)) {
        queue.push(target);
      }
    }
  }
  return seen;
}

/** The `X.get('/…json', …)` route of a file, mounted where the app mounts that file. */
function documentUrl(file: SourceFile, path: string, appMounts: readonly { target: string; path: string | undefined }[]): string | undefined {
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const first = call.getArguments()[0];
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'get' && first && Node.isStringLiteral(first) && first.getLiteralValue().endsWith('.json')) {
      const mount = appMounts.find((m) => m.target === path);
      return mount ? posix.join('/', mount.path ?? '/', first.getLiteralValue()) : undefined;
    }
  }
  return undefined;
}

/**
 * When the neighbour router keeps an exported `new OpenAPIRegistry()` and some file merges the
 * registries into the published document, the facts needed to register the new paths the same way.
 * Undefined when the project does not publish its routes through zod-to-openapi registries.
 */
export function readOpenApiRegistry(ctx: GenerationContext, layout: ExpressLayout): OpenApiRegistryFacts | undefined {
  const neighbour = layout.neighbour;
  if (!neighbour) {
    return undefined;
  }
  const project = createCodeProject(ctx.input.options.style);
  const router = parseProjectFile(project, ctx.input.files, neighbour.mount.target);
  const declaration = router?.getVariableDeclarations().find((d) => {
    const init = d.getInitializer();
    return init !== undefined && Node.isNewExpression(init) && init.getExpression().getText() === 'OpenAPIRegistry' && d.getVariableStatement()?.isExported() === true;
  });
  const registry = declaration ? renameLike(declaration.getName(), neighbour.pattern, ctx.names) : undefined;
  if (!router || !declaration || registry === undefined) {
    return undefined;
  }
  const neighbourRegistry = declaration.getName();
  const line = declaration.getStartLineNumber();
  const calls = router.getText();
  const tags = registerPathObjects(router, neighbourRegistry).some((o) => o.getProperty('tags') !== undefined);
  const resolver = createModuleResolver(ctx.input.files);
  const files = reachable(project, ctx, resolver, layout.app.path);
  const aggregate = [...files.entries()].find(([, file]) => file.getDescendantsOfKind(SyntaxKind.ArrayLiteralExpression)
    .some((array) => array.getElements().some((e) => e.getText() === neighbourRegistry)));
  if (!aggregate) {
    return undefined;
  }
  const appFile = files.get(layout.app.path);
  const appMounts = appFile ? routerMounts(appFile, layout.app.path, layout.app.localName, resolver, appStatements(appFile, layout.app)) : [];
  const server = [...files.entries()].find(([path, file]) => file.getImportDeclarations().some((d) => resolver.resolve(path, d.getModuleSpecifierValue()) === aggregate[0]) && documentUrl(file, path, appMounts) !== undefined);
  const url = server ? documentUrl(server[1], server[0], appMounts) : undefined;
  return {
    neighbourRegistry, registry,
    tags,
    registersSchemas: new RegExp(`\\b${neighbourRegistry}\\.register\\(`).test(calls),
    aggregateFile: aggregate[0],
    ...(url ? { documentUrl: url } : {}),
    evidence: [
      `${neighbour.mount.target}:${String(line)} ${neighbourRegistry} = new OpenAPIRegistry()`,
      `${aggregate[0]} merges the registries`,
      ...(url && server ? [`${server[0]} serves the document at ${url}`] : []),
    ],
  };
}

/** How `fromFile` imports `toFile`, in the style `fromFile` already imports `like` (alias or relative, extension). */
export function specifierLike(ctx: GenerationContext, file: SourceFile, fromFile: string, like: string, toFile: string): string {
  const existing = importOf(file, like)?.specifier;
  const resolver = createModuleResolver(ctx.input.files);
  if (existing !== undefined && !existing.startsWith('.')) {
    return resolver.aliasFor(toFile) ?? relativeModule(fromFile, toFile, ctx.input.options.importExtension);
  }
  const ext = existing === undefined ? ctx.input.options.importExtension : existing.endsWith('.js') ? '.js' : '';
  return relativeModule(fromFile, toFile, ext);
}
