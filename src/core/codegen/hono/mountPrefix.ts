import { Node, ts } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { appFilePath } from '../shared/projectApp';
import { scanFile } from '../shared/projectModules';

/**
 * The prefix every router of the app is mounted under (`app.route('/api/users', users)` → `/api`),
 * read from the app file's `app.route` calls; `''` when they disagree, mount at the root or there
 * are none.
 */
export function mountPrefix(ctx: GenerationContext, appName: string): string {
  const scanned = scanFile(ctx, appFilePath(ctx));
  if (!scanned) {
    return '';
  }
  const prefixes = new Set<string>();
  for (const call of scanned.file.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    const first = call.getArguments()[0];
    if (call.getExpression().getText() !== `${appName}.route` || !first || !Node.isStringLiteral(first)) {
      continue;
    }
    const path = first.getLiteralValue().replace(/\/+$/, '');
    prefixes.add(path.slice(0, path.lastIndexOf('/')));
  }
  const [only] = prefixes;
  return prefixes.size === 1 && only !== undefined && /^(\/[\w-]+)+$/.test(only) ? only : '';
}

/** The context with the resource mounted under `prefix` (`/gadgets` → `/api/gadgets`); operations keep their own paths. */
export function withMountPrefix(ctx: GenerationContext, prefix: string): GenerationContext {
  return prefix === '' ? ctx : { ...ctx, names: { ...ctx.names, basePath: `${prefix}${ctx.names.basePath}` } };
}
