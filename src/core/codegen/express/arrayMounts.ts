import { Node, type CallExpression, type Project, type SourceFile, type StatementedNode } from 'ts-morph';
import type { ProjectFiles } from '../types';
import { arrayLiteralOf, findRouteLoops, readElement, type ElementAccess } from '../shared/routeArrays';
import type { ModuleResolver } from './moduleResolver';
import { importOf, parseProjectFile, type RouterMount } from './routerMounts';

/** The array a router was registered from, and how the loop reads an element's path and router. */
export interface ArraySlot {
  /** The file declaring the array (the loop's file, or the module it imports the array from). */
  readonly file: string;
  /** The array's variable name there. */
  readonly name: string;
  readonly path: ElementAccess;
  readonly router: ElementAccess;
}

/** The routers registered from arrays, and why any loop or array could not be read (review notes). */
export interface ArrayMounts {
  readonly mounts: readonly (RouterMount & { readonly array: ArraySlot })[];
  readonly notes: readonly string[];
}

function isUseOn(on: string): (call: CallExpression) => boolean {
  return (call) => call.getExpression().getText() === `${on}.use`;
}

/** The array literal a loop walks: declared in the file, or exported by the project module it is imported from. */
function loopedArray(project: Project, files: ProjectFiles, resolver: ModuleResolver, file: SourceFile, path: string, name: string): { file: SourceFile; path: string; name: string } | undefined {
  if (arrayLiteralOf(file, name)) {
    return { file, path, name };
  }
  // An array declared inside the app factory (`function createApp() { const routes = [...] }`) is not
  // reachable by name from the registration, which edits top-level arrays: it is reported instead.
  const imported = importOf(file, name);
  const target = imported ? resolver.resolve(path, imported.specifier) : undefined;
  const source = target ? parseProjectFile(project, files, target) : undefined;
  if (!imported || !target || !source) {
    return undefined;
  }
  const local = imported.isDefault
    ? source.getExportAssignments().find((a) => !a.isExportEquals())?.getExpression().getText()
    : source.getExportedDeclarations().has(name) ? name : undefined;
  return local !== undefined && arrayLiteralOf(source, local) ? { file: source, path: target, name: local } : undefined;
}

/**
 * Routers registered by looping over an array of project routers, the shapes real projects use:
 * `defaultRoutes.forEach((route) => router.use(route.path, route.route))`, the same destructured
 * (`({ path, route })`), tuples (`[url, router]`), `for (const { path, router } of routes)`, and an
 * array imported from another module (`routes/index.ts`). Each element whose path is a string literal
 * and whose router is an identifier imported from a project file becomes a mount, in order. A loop
 * whose path is not read from the element (`app.use('/api', r)`: every router carries its own paths)
 * or whose array cannot be found is reported in `notes` instead.
 */
export function arrayMounts(project: Project, files: ProjectFiles, file: SourceFile, path: string, on: string, resolver: ModuleResolver, container: StatementedNode = file): ArrayMounts {
  const mounts: (RouterMount & { array: ArraySlot })[] = [];
  const notes: string[] = [];
  for (const loop of findRouteLoops(container, isUseOn(on))) {
    const where = `${path}:${String(loop.statement.getStartLineNumber())}`;
    const args = loop.args;
    const [pathAccess, routerAccess] = args.length === 2 ? args : [undefined, undefined];
    const found = loopedArray(project, files, resolver, file, path, loop.arrayName);
    if (!pathAccess || !routerAccess || pathAccess.kind === 'literal' || routerAccess.kind === 'literal' || !found) {
      const why = !found ? `the array \`${loop.arrayName}\` is not a literal Routecraft can find`
        : pathAccess?.kind === 'literal' ? `every router in \`${loop.arrayName}\` is mounted at ${JSON.stringify(pathAccess.value)} and carries its own paths, while the new router's paths are relative to its mount`
          : `its \`${on}.use(${loop.call.getArguments().map((a) => a.getText()).join(', ')})\` does not take a path and a router from each element`;
      notes.push(`${where} registers routers by looping over \`${loop.arrayName}\`, but ${why}; so the new router is mounted with its own \`${on}.use\` call.`);
      continue;
    }
    const array = arrayLiteralOf(found.file, found.name)!;
    for (const element of array.getElements()) {
      const mountPath = readElement(element, pathAccess);
      const router = readElement(element, routerAccess);
      if (!mountPath || !Node.isStringLiteral(mountPath) || !router || !Node.isIdentifier(router)) {
        continue;
      }
      const imported = importOf(found.file, router.getText());
      const target = imported ? resolver.resolve(found.path, imported.specifier) : undefined;
      if (imported && target) {
        mounts.push({
          file: found.path, line: element.getStartLineNumber(), on, path: mountPath.getLiteralValue(), identifier: router.getText(),
          specifier: imported.specifier, isDefaultImport: imported.isDefault, target,
          array: { file: found.path, name: found.name, path: pathAccess, router: routerAccess },
        });
      }
    }
  }
  return { mounts, notes };
}

/** `app.use('/api', [usersRouter, ordersRouter])`: a note that the new router is mounted on its own, since each router in the list carries its own paths. */
export function inlineArrayNotes(file: SourceFile, path: string, on: string, container: StatementedNode = file): string[] {
  return container.getStatements().flatMap((statement) => {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const list = call && Node.isCallExpression(call) && call.getExpression().getText() === `${on}.use` ? call.getArguments().find((a) => Node.isArrayLiteralExpression(a)) : undefined;
    return list ? [`${path}:${String(statement.getStartLineNumber())} mounts a list of routers in one \`${on}.use\` call; each carries its own paths, while the new router's paths are relative to its mount, so it is mounted with its own \`${on}.use\` call.`] : [];
  });
}
