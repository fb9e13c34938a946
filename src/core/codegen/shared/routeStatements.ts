import { Node, type Statement, type StatementedNode } from 'ts-morph';
import type { Operation } from './operations';

/** Where routes are registered: a block (a factory's or plugin's body, or the module) and the object they are registered on. */
export interface RouteContainer {
  readonly node: StatementedNode;
  /** `router`, `app`, `route`: the receiver of `<receiver>.get('/x', ...)`. */
  readonly receiver: string;
  /** Index new routes are inserted at. */
  insertIndex(): number;
}

/** A route registration found among a container's statements. */
export interface RouteStatement {
  readonly key: string;
  readonly path: string;
  readonly index: number;
  readonly statement: Statement;
}

/** `/{id}/discount` → `/:id/discount` (Express, Fastify and Hono all write parameters this way). */
export function colonPath(subPath: string): string {
  return subPath.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** `get /:id`: identifies a route by method and path. */
export function routeKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path}`;
}

/** Whether `name` appears as a word in `code`. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(code);
}

/** Route registrations (`<receiver>.get('/x', ...)`) among the container's statements. */
export function routeStatements(container: RouteContainer): RouteStatement[] {
  const found: RouteStatement[] = [];
  for (const [index, statement] of container.node.getStatements().entries()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && callee && Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === container.receiver) {
      const first = call.getArguments()[0];
      if (first && Node.isStringLiteral(first)) {
        found.push({ key: routeKey(callee.getName(), first.getLiteralValue()), path: first.getLiteralValue(), index, statement });
      }
    }
  }
  return found;
}

/** Whether the container already registers the operation's method and path. */
export function hasRoute(container: RouteContainer, op: Operation): boolean {
  return routeStatements(container).some((r) => r.key === routeKey(op.method, colonPath(op.subPath)));
}

/** A static path goes before a parameterised one it could be mistaken for (`/search` before `/:id`). */
export function insertIndexFor(container: RouteContainer, path: string): number {
  if (path.includes(':')) {
    return container.insertIndex();
  }
  return routeStatements(container).find((r) => r.path.includes(':'))?.index ?? container.insertIndex();
}

/** The TODO line above a 501 answer. */
export function notImplementedComment(op: Operation): string {
  return `// TODO(routecraft): ${op.operationId} is not implemented yet; describe its logic and generate again, or write it here.`;
}
