import { Node, ts, type Expression, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { resolveProjectModule, scanFile } from '../shared/projectModules';

/** An exported function of a project module: where it lives and how it is imported. */
export interface ProjectFunction {
  readonly name: string;
  /** Relative to the project root. */
  readonly path: string;
  /** The exported name, or `default`. */
  readonly exportName: string;
}

/** What an app factory (`createApp()`) builds, read from its module. */
export interface HonoFactory extends ProjectFunction {
  /** Whether the app is an `OpenAPIHono` (created directly or through a helper like `createRouter()`). */
  readonly openapi: boolean;
  /** An exported helper of the same module that mounts one router on a fresh app (`createTestApp(router)`). */
  readonly testApp?: ProjectFunction;
}

/** The class names (`Hono`, `OpenAPIHono`) the file imports from hono or @hono/zod-openapi, by local name. */
export function honoClassNames(file: SourceFile): Map<string, 'Hono' | 'OpenAPIHono'> {
  const names = new Map<string, 'Hono' | 'OpenAPIHono'>();
  for (const decl of file.getImportDeclarations().filter((d) => !d.isTypeOnly() && /^(hono|@hono\/zod-openapi)$/.test(d.getModuleSpecifierValue()))) {
    for (const named of decl.getNamedImports().filter((n) => !n.isTypeOnly())) {
      const name = named.getName();
      if (name === 'Hono' || name === 'OpenAPIHono') {
        names.set(named.getAliasNode()?.getText() ?? name, name);
      }
    }
  }
  return names;
}

/** The innermost call or `new` of a chain: `createRouter().use(a).use(b)` → `createRouter()`. */
function chainRoot(expr: Expression): Expression {
  let current: Expression = expr;
  while (Node.isCallExpression(current) && Node.isPropertyAccessExpression(current.getExpression())) {
    current = current.getExpression().asKindOrThrow(ts.SyntaxKind.PropertyAccessExpression).getExpression();
  }
  return current;
}

/** The function a file declares (or imports from a project module) under `name`. */
function functionNamed(ctx: GenerationContext, scanned: { path: string; file: SourceFile }, name: string): { path: string; file: SourceFile; body: Node } | undefined {
  const fn = scanned.file.getFunction(name);
  if (fn) {
    return { ...scanned, body: fn };
  }
  const variable = scanned.file.getVariableDeclaration(name)?.getInitializer();
  if (variable && (Node.isArrowFunction(variable) || Node.isFunctionExpression(variable))) {
    return { ...scanned, body: variable };
  }
  const imported = importedFrom(ctx, scanned.path, scanned.file, name);
  if (imported) {
    const target = scanFile(ctx, imported.path);
    const local = target ? exportedFunction(target.file, imported.exportName) : undefined;
    return target && local ? functionNamed(ctx, target, local) : undefined;
  }
  return undefined;
}

/** The local name of the function a module exports as `exportName` (`default` included). */
function exportedFunction(file: SourceFile, exportName: string): string | undefined {
  if (exportName === 'default') {
    const fn = file.getFunctions().find((f) => f.isDefaultExport());
    if (fn) {
      return fn.getName();
    }
    return file.getExportAssignments().find((a) => !a.isExportEquals())?.getExpression().getText();
  }
  return file.getFunction(exportName)?.getName() ?? file.getVariableDeclaration(exportName)?.getName();
}

/** Where an identifier a file imports comes from, when it is a project module. */
export function importedFrom(ctx: GenerationContext, path: string, file: SourceFile, local: string): { path: string; exportName: string; specifier: string } | undefined {
  for (const decl of file.getImportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    const isDefault = decl.getDefaultImport()?.getText() === local;
    const named = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === local);
    if (!isDefault && !named) {
      continue;
    }
    const target = resolveProjectModule(ctx, path, specifier);
    return target ? { path: target, exportName: isDefault ? 'default' : named!.getName(), specifier } : undefined;
  }
  return undefined;
}

/** The Hono class an expression creates, following local variables and (project) helper calls a few levels deep. */
export function createdClass(ctx: GenerationContext, scanned: { path: string; file: SourceFile }, expr: Expression, depth = 0): 'Hono' | 'OpenAPIHono' | undefined {
  const root = chainRoot(expr);
  if (depth > 4) {
    return undefined;
  }
  if (Node.isNewExpression(root)) {
    return honoClassNames(scanned.file).get(root.getExpression().getText());
  }
  if (Node.isCallExpression(root) && Node.isIdentifier(root.getExpression())) {
    const fn = functionNamed(ctx, scanned, root.getExpression().getText());
    return fn ? returnedClass(ctx, fn, depth + 1) : undefined;
  }
  return undefined;
}

function returnedClass(ctx: GenerationContext, fn: { path: string; file: SourceFile; body: Node }, depth: number): 'Hono' | 'OpenAPIHono' | undefined {
  const body = Node.isArrowFunction(fn.body) ? fn.body.getBody() : Node.isFunctionDeclaration(fn.body) || Node.isFunctionExpression(fn.body) ? fn.body.getBody() : undefined;
  if (!body) {
    return undefined;
  }
  const returned = Node.isBlock(body)
    ? body.getDescendantsOfKind(ts.SyntaxKind.ReturnStatement).map((r) => r.getExpression()).find((e): e is Expression => e !== undefined)
    : (body as Expression);
  if (!returned) {
    return undefined;
  }
  const root = chainRoot(returned);
  if (Node.isIdentifier(root) && Node.isBlock(body)) {
    const init = body.getVariableDeclaration(root.getText())?.getInitializer();
    return init ? createdClass(ctx, fn, init, depth) : undefined;
  }
  return createdClass(ctx, fn, returned, depth);
}

/**
 * The app factory behind `const app = createApp()`: its module, whether it builds an OpenAPIHono,
 * and a `createTestApp(router)`-like helper beside it. Undefined when the call is not to a project
 * function that returns a Hono app.
 */
export function readFactory(ctx: GenerationContext, appPath: string, appFile: SourceFile, call: Expression): HonoFactory | undefined {
  const root = chainRoot(call);
  if (!Node.isCallExpression(root) || !Node.isIdentifier(root.getExpression())) {
    return undefined;
  }
  const imported = importedFrom(ctx, appPath, appFile, root.getExpression().getText());
  const cls = createdClass(ctx, { path: appPath, file: appFile }, call);
  if (!imported || !cls) {
    return undefined;
  }
  const module = scanFile(ctx, imported.path);
  const factoryLocal = module ? exportedFunction(module.file, imported.exportName) : undefined;
  const testApp = module?.file.getFunctions().find((f) => f.isExported() && /test/i.test(f.getName() ?? '') && f.getParameters().length === 1 && f.getName() !== factoryLocal);
  const testName = testApp?.getName();
  return {
    name: root.getExpression().getText(),
    path: imported.path,
    exportName: imported.exportName,
    openapi: cls === 'OpenAPIHono',
    ...(testName ? { testApp: { name: testName, path: imported.path, exportName: testApp!.isDefaultExport() ? 'default' : testName } } : {}),
  };
}
