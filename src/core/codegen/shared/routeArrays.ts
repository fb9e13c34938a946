import { Node, ts, type ArrayLiteralExpression, type CallExpression, type Expression, type Statement, type StatementedNode } from 'ts-morph';

/**
 * How a mount call's argument is taken from the array element it loops over: the element itself
 * (`app.route('/', route)`), one of its properties (`route.path`, or `path` destructured from
 * `({ path, route })`), one of its tuple items (`[url, router]`), or a literal shared by all.
 */
export type ElementAccess =
  | { readonly kind: 'element' }
  | { readonly kind: 'property'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'literal'; readonly value: string };

/** A loop over an array that registers each element: `routes.forEach((r) => app.use(r.path, r.route))` or `for (const r of routes) …`. */
export interface RouteLoop {
  /** The loop statement (evidence: its line). */
  readonly statement: Statement;
  /** The looped expression's text: the array's variable name (`routes`, `defaultRoutes`). */
  readonly arrayName: string;
  /** The registration call found in the loop's body. */
  readonly call: CallExpression;
  /** How the call's arguments come from the element; undefined where one cannot be read. */
  readonly args: readonly (ElementAccess | undefined)[];
  /** What each name the loop parameter binds refers to (for reading nested arguments: `{ prefix: route.prefix }`). */
  readonly bindings: ReadonlyMap<string, ElementAccess>;
}

/** `x as T`, `x satisfies T` and `(x)` unwrapped to `x`. */
export function unwrapExpression(node: Node | undefined): Node | undefined {
  let current = node;
  while (current && (Node.isAsExpression(current) || Node.isSatisfiesExpression(current) || Node.isParenthesizedExpression(current))) {
    current = current.getExpression();
  }
  return current;
}

/** The array literal a variable declared in `scope` (a file or a function body) is initialised with (through `as`/`satisfies`); undefined otherwise. */
export function arrayLiteralOf(scope: StatementedNode, name: string): ArrayLiteralExpression | undefined {
  const init = unwrapExpression(scope.getVariableDeclaration(name)?.getInitializer());
  return init && Node.isArrayLiteralExpression(init) ? init : undefined;
}

/** What each name a loop parameter binds refers to in the element. */
function bindings(binding: Node | undefined): Map<string, ElementAccess> {
  const names = new Map<string, ElementAccess>();
  if (binding && Node.isIdentifier(binding)) {
    names.set(binding.getText(), { kind: 'element' });
  } else if (binding && Node.isObjectBindingPattern(binding)) {
    for (const el of binding.getElements()) {
      const key = el.getPropertyNameNode()?.getText() ?? el.getName();
      names.set(el.getName(), { kind: 'property', key });
    }
  } else if (binding && Node.isArrayBindingPattern(binding)) {
    binding.getElements().forEach((el, index) => {
      if (Node.isBindingElement(el)) {
        names.set(el.getName(), { kind: 'index', index });
      }
    });
  }
  return names;
}

/** How `arg` is read from the element, given the loop parameter's bindings; undefined when it is not read from it. */
export function elementAccess(arg: Node, names: ReadonlyMap<string, ElementAccess>): ElementAccess | undefined {
  if (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) {
    return { kind: 'literal', value: arg.getLiteralValue() };
  }
  if (Node.isIdentifier(arg)) {
    return names.get(arg.getText());
  }
  if (Node.isPropertyAccessExpression(arg) && names.get(arg.getExpression().getText())?.kind === 'element') {
    return { kind: 'property', key: arg.getName() };
  }
  return undefined;
}

/** The loop's looped expression, its parameter's binding and its body, for `X.forEach((p) => …)` and `for (const p of X) …`. */
function loopParts(statement: Statement): { looped: Node; binding: Node | undefined; body: Node } | undefined {
  if (Node.isForOfStatement(statement)) {
    const init = statement.getInitializer();
    const binding = Node.isVariableDeclarationList(init) ? init.getDeclarations()[0]?.getNameNode() : undefined;
    return { looped: statement.getExpression(), binding, body: statement.getStatement() };
  }
  const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
  const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
  const fn = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
  if (!callee || !Node.isPropertyAccessExpression(callee) || callee.getName() !== 'forEach' || !fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    return undefined;
  }
  return { looped: callee.getExpression(), binding: fn.getParameters()[0]?.getNameNode(), body: fn.getBody() ?? fn };
}

/**
 * Every top-level loop in `container` over a named array (`routes`, `defaultRoutes`) whose body makes a
 * registration call (`isMount`), with how that call's arguments come from the element. Shared by the
 * Express (`app.use`) and Hono (`app.route`) readers.
 */
export function findRouteLoops(container: StatementedNode, isMount: (call: CallExpression) => boolean): RouteLoop[] {
  const loops: RouteLoop[] = [];
  for (const statement of container.getStatements()) {
    const parts = loopParts(statement);
    if (!parts || !Node.isIdentifier(parts.looped)) {
      continue;
    }
    const call = [parts.body, ...parts.body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)].find((n): n is CallExpression => Node.isCallExpression(n) && isMount(n));
    if (!call) {
      continue;
    }
    const names = bindings(parts.binding);
    loops.push({ statement, arrayName: parts.looped.getText(), call, args: call.getArguments().map((a) => elementAccess(a, names)), bindings: names });
  }
  return loops;
}

/** The value `access` reads from one array element; undefined when the element has another shape. */
export function readElement(element: Expression, access: ElementAccess): Node | undefined {
  const el = unwrapExpression(element);
  switch (access.kind) {
    case 'element':
      return el;
    case 'literal':
      return undefined;
    case 'index':
      return el && Node.isArrayLiteralExpression(el) ? unwrapExpression(el.getElements()[access.index]) : undefined;
    case 'property': {
      const prop = el && Node.isObjectLiteralExpression(el) ? el.getProperty(access.key) : undefined;
      if (prop && Node.isPropertyAssignment(prop)) {
        return unwrapExpression(prop.getInitializer());
      }
      return prop && Node.isShorthandPropertyAssignment(prop) ? prop.getNameNode() : undefined;
    }
  }
}

/**
 * Appends an element shaped like the array's last one of that shape (same keys, order and layout), with the values
 * `values` gives for the accesses the loop reads (`{ path: '/gadgets', route: gadgetRoute }`). The
 * texts are expressions. Returns false, changing nothing, when the last element is not of that shape.
 */
export function appendElementLike(array: ArrayLiteralExpression, values: readonly { access: ElementAccess; text: string }[]): boolean {
  const shaped = (e: Expression): boolean => values.every((v) => v.access.kind !== 'literal' && readElement(e, v.access) !== undefined);
  const last = [...array.getElements()].reverse().find(shaped);
  if (!last) {
    return false;
  }
  if (values.some((v) => v.access.kind === 'element')) {
    const whole = values.find((v) => v.access.kind === 'element');
    array.addElement(whole!.text);
    return true;
  }
  const indent = /^[ \t]*/.exec(last.getSourceFile().getFullText().slice(last.getStartLinePos(), last.getStart()))?.[0] ?? '';
  const text = last.getText().split('\n').map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
  const added = unwrapExpression(array.addElement(text));
  for (const { access, text } of values) {
    if (access.kind === 'index' && added && Node.isArrayLiteralExpression(added)) {
      added.getElements()[access.index]?.replaceWithText(text);
    } else if (access.kind === 'property' && added && Node.isObjectLiteralExpression(added)) {
      const prop = added.getPropertyOrThrow(access.key);
      if (Node.isPropertyAssignment(prop)) {
        prop.setInitializer(text);
      } else {
        prop.replaceWithText(`${access.key}: ${text}`);
      }
    }
  }
  return true;
}
