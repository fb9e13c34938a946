import { Node, ts } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { OpenApiFeature } from './openapiFeature';
import { moduleSpecifierLike } from '../shared/projectModules';
import { arrayLiteralOf } from '../shared/routeArrays';

/**
 * Registers the feature's router in the app file the way the neighbour is registered: imported
 * alike (default or named, through the same alias) and appended to the routes array
 * (`const routes = [index, tasks, gadgets]`), else mounted with `app.route(mountPath, gadgets)` after
 * the last `app.route` call. Nothing changes when it is registered already.
 */
export function buildFeatureRegistration(ctx: GenerationContext, feature: OpenApiFeature): GeneratedFile | undefined {
  const { model, layout, routerName } = feature;
  const open = openFile(ctx, model.path);
  const { file } = open;
  const specifier = moduleSpecifierLike(ctx, model.path, layout.index, layout.neighbour.specifier);
  const imported = file.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier);
  const style = ctx.input.options.style;
  const array = model.routesArray;
  const init = array ? arrayLiteralOf(file, array.name) : undefined;
  const mounted = init
    ? init.getElements().some((e) => e.getText() === routerName)
    : file.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((c) => c.getExpression().getText() === `${model.localName}.route` && c.getArguments()[1]?.getText() === routerName);
  if (imported && mounted) {
    return undefined;
  }
  if (!imported) {
    ensureImport(file, layout.exportDefault ? { moduleSpecifier: specifier, defaultName: routerName } : { moduleSpecifier: specifier, named: [{ name: routerName }] });
    matchImportSemicolons(file, style.semicolons);
  }
  if (!mounted && init) {
    init.addElement(routerName);
  } else if (!mounted) {
    const calls = file.getStatements().filter((s) => Node.isExpressionStatement(s) && s.getText().startsWith(`${model.localName}.route(`));
    const anchor = calls.at(-1) ?? file.getVariableDeclarationOrThrow(model.localName).getVariableStatementOrThrow();
    file.insertStatements(anchor.getChildIndex() + 1, formatFragment(ctx.project, `${model.localName}.route(${stringLiteral(feature.mountPath, style)}, ${routerName});`, style));
  }
  return finishFile(ctx, open, true, false);
}
