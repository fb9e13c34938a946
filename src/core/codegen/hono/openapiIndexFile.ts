import { Node, VariableDeclarationKind, type CallExpression, type Expression } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import type { Operation } from '../shared/operations';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { OpenApiFeature } from './openapiFeature';
import { moduleSpecifierLike } from '../shared/projectModules';

/** `.openapi(routes.x, handlers.x)` calls of a chain, outermost last, with the route's name. */
function chainCalls(init: Expression): { call: CallExpression; name: string }[] {
  const calls: { call: CallExpression; name: string }[] = [];
  let current: Expression = init;
  while (Node.isCallExpression(current) && Node.isPropertyAccessExpression(current.getExpression())) {
    const access = current.getExpression();
    if (Node.isPropertyAccessExpression(access) && access.getName() === 'openapi') {
      const first = current.getArguments()[0]?.getText() ?? '';
      calls.unshift({ call: current, name: first.replace(/^.*\./, '') });
    }
    current = Node.isPropertyAccessExpression(access) ? access.getExpression() : current;
  }
  return calls;
}

/**
 * The feature's router (`gadgets.index.ts`), made the way the neighbour makes its own
 * (`createRouter()` chained with `.openapi(route, handler)`), exported alike. A static path is
 * registered before a parameterised one it could be mistaken for (`/gadgets/search` before `/gadgets/{id}`);
 * `declaredPaths` maps every route definition of the feature (old and new) to its path.
 */
export function buildOpenApiIndexFile(ctx: GenerationContext, feature: OpenApiFeature, declaredPaths: ReadonlyMap<string, string>): GeneratedFile | undefined {
  const { layout } = feature;
  const open = openFile(ctx, layout.index);
  const { file } = open;
  const ext = ctx.input.options.importExtension;
  const routesRef = (op: Operation): string => (layout.routesNamespace ? `${layout.routesNamespace}.${op.operationId}` : op.operationId);
  const handlersRef = (op: Operation): string => (layout.handlersNamespace ? `${layout.handlersNamespace}.${op.operationId}` : `${op.operationId}Handler`);
  let changed = false;
  const factory = layout.routerFactory;
  const factorySpecifier = factory.path !== undefined ? moduleSpecifierLike(ctx, layout.index, factory.path, factory.specifier) : factory.specifier;
  changed = ensureImport(file, factory.isDefault ? { moduleSpecifier: factorySpecifier, defaultName: factory.name } : { moduleSpecifier: factorySpecifier, named: [{ name: factory.name }] }) || changed;
  for (const [ns, target] of [[layout.handlersNamespace, layout.handlers], [layout.routesNamespace, layout.routes]] as const) {
    const specifier = relativeModule(layout.index, target, ext);
    if (ns !== undefined && !file.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier)) {
      file.addImportDeclaration({ moduleSpecifier: specifier, namespaceImport: ns });
      changed = true;
    }
  }
  if (!layout.routesNamespace) {
    changed = ensureImport(file, { moduleSpecifier: relativeModule(layout.index, layout.routes, ext), named: ctx.operations.map((op) => ({ name: op.operationId })) }) || changed;
  }
  if (!layout.handlersNamespace) {
    const specifier = relativeModule(layout.index, layout.handlers, ext);
    const missing = ctx.operations.filter((op) => !file.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier && d.getNamedImports().some((n) => n.getAliasNode()?.getText() === handlersRef(op))));
    for (const op of missing) {
      const decl = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === specifier);
      if (decl) {
        decl.addNamedImport({ name: op.operationId, alias: handlersRef(op) });
      } else {
        file.addImportDeclaration({ moduleSpecifier: specifier, namedImports: [{ name: op.operationId, alias: handlersRef(op) }] });
      }
      changed = true;
    }
  }
  const creation = layout.routerIsClass ? `new ${factory.name}()` : `${factory.name}()`;
  let variable = file.getVariableDeclaration(layout.routerVariable);
  if (!variable) {
    file.addVariableStatement({ declarationKind: VariableDeclarationKind.Const, declarations: [{ name: layout.routerVariable, initializer: creation }] });
    if (layout.exportDefault) {
      file.addExportAssignment({ isExportEquals: false, expression: layout.routerVariable });
    } else {
      file.getVariableStatementOrThrow(layout.routerVariable).setIsExported(true);
    }
    variable = file.getVariableDeclarationOrThrow(layout.routerVariable);
    changed = true;
  }
  const init = variable.getInitializerOrThrow();
  const present = chainCalls(init).map((c) => c.name);
  const isStatic = (name: string): boolean => !(declaredPaths.get(name) ?? '{').includes('{');
  const entries = chainCalls(init).map((c) => ({ name: c.name, text: `.openapi(${c.call.getArguments().map((a) => a.getText()).join(', ')})` }));
  const missingOps = ctx.operations.filter((op) => !present.includes(op.operationId));
  if (missingOps.length === 0) {
    return finishFile(ctx, open, changed, true);
  }
  const base = present.length > 0 ? chainRootText(init) : creation;
  const paramIndex = (): number => {
    const index = entries.findIndex((e) => !isStatic(e.name));
    return index === -1 ? entries.length : index;
  };
  for (const op of missingOps) {
    const text = `.openapi(${routesRef(op)}, ${handlersRef(op)})`;
    entries.splice(isStatic(op.operationId) ? paramIndex() : entries.length, 0, { name: op.operationId, text });
  }
  variable.setInitializer(`${base}\n${entries.map((e) => `${ctx.input.options.style.indent}${e.text}`).join('\n')}`);
  return finishFile(ctx, open, true, true);
}

function chainRootText(init: Expression): string {
  let current: Expression = init;
  while (Node.isCallExpression(current) && Node.isPropertyAccessExpression(current.getExpression())) {
    const access = current.getExpression();
    current = Node.isPropertyAccessExpression(access) ? access.getExpression() : current;
  }
  return current.getText();
}
