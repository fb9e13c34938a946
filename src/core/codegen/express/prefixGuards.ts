import { Node, type SourceFile, type Statement } from 'ts-morph';
import { createCodeProject } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { createModuleResolver } from './moduleResolver';
import { importOf, parseProjectFile, routerVariable } from './routerMounts';

/** A `use` call at the registration site, as read from its statement. */
export interface SiteUseCall {
  readonly statement: Statement;
  readonly args: readonly Node[];
}

/** A mount that runs middleware for every request under its path, so a router mounted after it inside that path sits behind it. */
export interface PrefixGuard {
  readonly statement: Statement;
  /** Evidence: `src/app.ts:44 app.use('/v1', transactionRoutes): src/routes/transactionRoutes.ts:17 router.use(authenticateToken)`. */
  readonly evidence: string;
}

/** Whether the mount path `prefix` covers `path` (`/v1` covers `/v1/gadgets`, `/` covers everything). */
export function coversPath(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(`${p}/`);
}

/** The router's own path-less `router.use(fn)` calls at top level: middleware it runs for every request it receives. */
function routerWideMiddleware(file: SourceFile): Statement | undefined {
  const router = routerVariable(file);
  if (!router) {
    return undefined;
  }
  return file.getStatements().find((statement) => {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!call || !Node.isCallExpression(call) || call.getExpression().getText() !== `${router.name}.use`) {
      return false;
    }
    const first = call.getArguments()[0];
    // `router.use(auth)` or `router.use('/', auth)`; `router.use('/x', other)` only covers its own path.
    return first !== undefined && (!Node.isStringLiteral(first) || first.getLiteralValue() === '/') && !Node.isArrayLiteralExpression(first);
  });
}

/**
 * The site's `use` calls that put middleware in front of `mountPath`: a router mounted at a prefix of it
 * (or at no path) that calls `router.use(middleware)` for everything it receives (an Express router runs
 * that middleware for every request under its mount path, even for routes it does not have), or a mount
 * with middleware before the router (`app.use('/v1', auth, v1Router)`). Read from the AST of the site and
 * of the routers it imports; in source order.
 */
export function prefixGuards(ctx: GenerationContext, siteFile: string, file: SourceFile, calls: readonly SiteUseCall[], mountPath: string): PrefixGuard[] {
  const project = createCodeProject(ctx.input.options.style);
  const resolver = createModuleResolver(ctx.input.files);
  const guards: PrefixGuard[] = [];
  for (const call of calls) {
    const [first] = call.args;
    const path = first !== undefined && Node.isStringLiteral(first) ? first.getLiteralValue() : undefined;
    const handlers = path === undefined ? call.args : call.args.slice(1);
    const router = handlers.at(-1);
    if (handlers.length === 0 || !router || !Node.isIdentifier(router) || (path !== undefined && (/[*(]/.test(path) || !coversPath(path, mountPath)))) {
      continue;
    }
    const imported = importOf(file, router.getText());
    const target = imported ? resolver.resolve(siteFile, imported.specifier) : undefined;
    const routerFile = target ? parseProjectFile(project, ctx.input.files, target) : undefined;
    const middleware = routerFile ? routerWideMiddleware(routerFile) : undefined;
    const site = `${siteFile}:${String(call.statement.getStartLineNumber())} ${call.statement.getText()}`;
    if (target && middleware) {
      guards.push({ statement: call.statement, evidence: `${site}: ${target}:${String(middleware.getStartLineNumber())} ${middleware.getText()}` });
    } else if (target && handlers.length > 1) {
      guards.push({ statement: call.statement, evidence: `${site}: middleware before the router` });
    }
  }
  return guards;
}
