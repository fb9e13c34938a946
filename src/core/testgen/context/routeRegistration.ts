import { Node, type CallExpression, type SourceFile } from 'ts-morph';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

/** A route registration such as `router.post('/users', handler)` (Express, Fastify, Hono style). */
export interface RouteRegistration {
  readonly call: CallExpression;
  /** Upper-case method (`POST`). */
  readonly method: string;
  readonly path: string;
  /** The object the route is registered on (`router`, `app`). */
  readonly owner: string;
  /** The handler: the last argument (an inline function or a reference to one). */
  readonly handler: Node;
}

/** The registration `call` is, when it is one: `x.<method>('<path>', …, handler)`. */
export function routeRegistration(call: CallExpression): RouteRegistration | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) {
    return undefined;
  }
  const method = callee.getName();
  const args = call.getArguments();
  const [first] = args;
  const handler = args[args.length - 1];
  if (!HTTP_METHODS.has(method) || args.length < 2 || first === undefined || handler === undefined) {
    return undefined;
  }
  if (!Node.isStringLiteral(first) && !Node.isNoSubstitutionTemplateLiteral(first)) {
    return undefined;
  }
  if (!Node.isArrowFunction(handler) && !Node.isFunctionExpression(handler) && !Node.isIdentifier(handler) && !Node.isPropertyAccessExpression(handler)) {
    return undefined;
  }
  return { call, method: method.toUpperCase(), path: first.getLiteralText(), owner: callee.getExpression().getText(), handler };
}

/** Every route registration in the file, in source order. */
export function routeRegistrations(file: SourceFile): RouteRegistration[] {
  const found: RouteRegistration[] = [];
  file.forEachDescendant((node) => {
    if (Node.isCallExpression(node)) {
      const route = routeRegistration(node);
      if (route !== undefined) {
        found.push(route);
      }
    }
  });
  return found;
}
