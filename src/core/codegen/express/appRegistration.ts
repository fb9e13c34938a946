import { Node, type Statement, type StatementedNode } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { appStatements } from './expressApp';
import { routerSpecifier, type ExpressLayout } from './expressLayout';
import { prefixGuards } from './prefixGuards';
import { buildArrayRegistration } from './arrayRegistration';
import { firstMountIndex } from './mountSpot';
import { expressPath } from './routeHandler';

/** `<on>.use(...)` calls among the file's top-level statements. */
function useCalls(container: StatementedNode, on: string): { statement: Statement; args: Node[] }[] {
  const calls: { statement: Statement; args: Node[] }[] = [];
  for (const statement of container.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && call.getExpression().getText() === `${on}.use`) {
      calls.push({ statement, args: call.getArguments() });
    }
  }
  return calls;
}

/** A router mount: a path literal (not a catch-all like `'*'`) followed by one identifier. */
function isRouterMount(args: readonly Node[]): boolean {
  const [path, router] = args;
  return args.length === 2 && path !== undefined && Node.isStringLiteral(path) && !/[*(]/.test(path.getLiteralValue()) && router !== undefined && Node.isIdentifier(router);
}

/** The mount path relative to the registration site, in Express syntax (`/warehouses/:warehouseId`). */
export function mountPath(ctx: GenerationContext, layout: ExpressLayout): string {
  const full = ctx.names.basePath;
  const relative = layout.site.prefix !== '' && full.startsWith(layout.site.prefix) ? full.slice(layout.site.prefix.length) || '/' : full;
  return expressPath(relative);
}

/**
 * Registers the resource's router once where the project registers its routers (the app, or the index
 * router the neighbour is mounted on): `app.use('/gadgets', gadgetRouter)`, right after the last router
 * mount, so it stays ahead of catch-all 404 handlers and error handlers, and ahead of a router mounted at a
 * prefix of its path that runs its own middleware for everything under it (`app.use('/v1', v1Routes)` whose
 * `router.use(authenticate)` would answer 401 for `/v1/gadgets` too). The rest of the file is untouched.
 */
export function buildAppRegistration(ctx: GenerationContext, layout: ExpressLayout): GeneratedFile | undefined {
  if (layout.site.array) {
    const joined = buildArrayRegistration(ctx, layout, layout.site.array, mountPath(ctx, layout));
    if (joined !== 'unreadable') {
      return joined;
    }
  }
  const open = openFile(ctx, layout.site.file);
  const { file } = open;
  const router = layout.routerExport;
  const container = layout.site.file === layout.app.path ? appStatements(file, layout.app) : file;
  const calls = useCalls(container, layout.site.on);
  if (calls.some((c) => c.args.some((a) => a.getText() === router))) {
    return undefined;
  }
  const style = ctx.input.options.style;
  const specifier = routerSpecifier(layout, ctx);
  ensureImport(file, layout.neighbour?.mount.isDefaultImport === true ? { moduleSpecifier: specifier, defaultName: router } : { moduleSpecifier: specifier, named: [{ name: router }] });
  matchImportSemicolons(file, style.semicolons);
  const path = mountPath(ctx, layout);
  const guard = prefixGuards(ctx, layout.site.file, file, calls, path)[0];
  const before = guard === undefined ? calls : calls.filter((c) => c.statement.getChildIndex() < guard.statement.getChildIndex());
  const mounts = before.filter((c) => isRouterMount(c.args));
  const paths = before.filter((c) => c.args[0] !== undefined && Node.isStringLiteral(c.args[0]) && !/[*(]/.test(c.args[0].getLiteralValue()));
  const after = mounts.at(-1)?.statement ?? paths.at(-1)?.statement;
  const declared = siteDeclaration(container, layout.site.on);
  const first = declared === undefined ? container.getStatements().length : firstMountIndex(container, layout.site.on, declared.getChildIndex());
  const index = after ? after.getChildIndex() + 1 : guard ? Math.min(guard.statement.getChildIndex(), first) : first;
  const text = formatFragment(ctx.project, `${layout.site.on}.use(${stringLiteral(path, style)}, ${router});`, style);
  container.insertStatements(index, text);
  return finishFile(ctx, open, true, false);
}

function siteDeclaration(container: StatementedNode, name: string): Statement | undefined {
  return container.getVariableStatement((st) => st.getDeclarations().some((d) => d.getName() === name));
}
