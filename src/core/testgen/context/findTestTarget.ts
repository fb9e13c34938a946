import { Node, type ClassDeclaration, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import { routeRegistration, routeRegistrations, type RouteRegistration } from './routeRegistration';
import type { TestTargetKind } from './testContext';

/** The declaration tests are written for, as found in the file. */
export interface FoundTarget {
  readonly kind: TestTargetKind;
  readonly name: string;
  /** The code shown as the target (a function, method, class, or the route registration). */
  readonly node: Node;
  /** The function whose signature is shown (the handler for routes; the class for classes). */
  readonly declaration: Node;
  /** The declaration a test imports: the function, the class of a method, the router of a route. */
  readonly importable?: Node;
  readonly route?: RouteRegistration;
}

/**
 * The function, method, class or route handler named by `symbol` (`name`, `Class.method`,
 * `METHOD /path`) or holding `offset`. Throws a RoutecraftError listing the file's symbols when
 * there is none.
 */
export function findTestTarget(file: SourceFile, displayPath: string, where: { offset?: number; symbol?: string }): FoundTarget {
  const found = where.symbol !== undefined ? bySymbol(file, where.symbol) : where.offset !== undefined ? atOffset(file, where.offset) : undefined;
  if (found !== undefined) {
    return found;
  }
  const names = listTestTargets(file).map((t) => t.name);
  const what = where.symbol !== undefined ? `"${where.symbol}"` : `at offset ${String(where.offset ?? 0)}`;
  const list = names.length > 0 ? `Symbols in the file: ${names.join(', ')}.` : 'The file declares no functions, classes or routes.';
  throw new RoutecraftError('invalid-input', `No function, method, class or route handler ${what} in ${displayPath}. ${list}`);
}

/** Every target the file offers, in source order. */
export function listTestTargets(file: SourceFile): FoundTarget[] {
  const targets: FoundTarget[] = [];
  for (const statement of file.getStatements()) {
    if (Node.isFunctionDeclaration(statement) && statement.getName() !== undefined) {
      targets.push(functionTarget(statement, statement.getName() ?? 'default'));
    } else if (Node.isVariableStatement(statement)) {
      for (const decl of statement.getDeclarations()) {
        const init = decl.getInitializer();
        if (init !== undefined && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) {
          targets.push({ kind: 'function', name: decl.getName(), node: statement, declaration: init, importable: decl });
        }
      }
    } else if (Node.isClassDeclaration(statement)) {
      targets.push(...classTargets(statement));
    }
  }
  targets.push(...routeRegistrations(file).map(routeTarget));
  return targets;
}

function functionTarget(node: Node, name: string): FoundTarget {
  return { kind: 'function', name, node, declaration: node, importable: node };
}

function classTargets(cls: ClassDeclaration): FoundTarget[] {
  const className = cls.getName() ?? 'default';
  const methods = cls.getMethods().map((m): FoundTarget => ({ kind: 'method', name: `${className}.${m.getName()}`, node: m, declaration: m, importable: cls }));
  return [{ kind: 'class', name: className, node: cls, declaration: cls, importable: cls }, ...methods];
}

function routeTarget(route: RouteRegistration): FoundTarget {
  const resolved = handlerDeclaration(route.handler);
  const owner = route.call.getExpression();
  const ownerDecl = Node.isPropertyAccessExpression(owner) ? declarationOf(owner.getExpression()) : undefined;
  return {
    kind: 'route-handler',
    name: `${route.method} ${route.path}`,
    node: resolved ?? route.call,
    declaration: resolved ?? route.handler,
    ...(ownerDecl === undefined ? {} : { importable: ownerDecl }),
    route,
  };
}

/** The function a handler argument refers to (itself when inline). */
function handlerDeclaration(handler: Node): Node | undefined {
  if (Node.isArrowFunction(handler) || Node.isFunctionExpression(handler)) {
    return undefined;
  }
  const decl = declarationOf(handler);
  if (decl !== undefined && Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    return init !== undefined && (Node.isArrowFunction(init) || Node.isFunctionExpression(init)) ? init : undefined;
  }
  return decl !== undefined && (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl)) ? decl : undefined;
}

/** The declaration an identifier or property access refers to, through imports. */
export function declarationOf(node: Node): Node | undefined {
  const named = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node;
  let symbol = named.getSymbol();
  if (symbol?.isAlias() === true) {
    symbol = symbol.getAliasedSymbol() ?? symbol;
  }
  return symbol?.getDeclarations()[0];
}

function bySymbol(file: SourceFile, symbol: string): FoundTarget | undefined {
  const wanted = normaliseName(symbol);
  return listTestTargets(file).find((t) => normaliseName(t.name) === wanted);
}

function normaliseName(name: string): string {
  const route = /^([a-z]+)\s+(\/.*)$/i.exec(name.trim());
  return route ? `${(route[1] ?? '').toUpperCase()} ${route[2] ?? ''}` : name.trim();
}

function atOffset(file: SourceFile, offset: number): FoundTarget | undefined {
  const start = file.getDescendantAtPos(Math.max(0, Math.min(offset, file.getEnd() - 1)));
  const targets = listTestTargets(file);
  for (let node: Node | undefined = start; node !== undefined; node = node.getParent()) {
    if (Node.isCallExpression(node) && routeRegistration(node) !== undefined) {
      return targets.find((t) => t.route?.call === node);
    }
    const match = targets.find((t) => t.kind !== 'route-handler' && (t.node === node || t.declaration === node));
    if (match !== undefined) {
      return match;
    }
  }
  return undefined;
}
