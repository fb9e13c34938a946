import { Node, Scope, ts, type ClassDeclaration, type Type } from 'ts-morph';

const FLAGS: ts.TypeFormatFlags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** A type as the checker resolves it, named as code at `at` would name it. */
export function typeText(type: Type, at: Node): string {
  return type.getText(at, FLAGS);
}

/**
 * The signature of a function, method or class with every parameter and return type resolved by
 * the type checker (inferred return types included), e.g. `total(items: Item[]): number`.
 */
export function resolvedSignature(name: string, declaration: Node): string {
  if (Node.isClassDeclaration(declaration)) {
    return classSignature(declaration);
  }
  if (
    Node.isFunctionDeclaration(declaration) ||
    Node.isMethodDeclaration(declaration) ||
    Node.isArrowFunction(declaration) ||
    Node.isFunctionExpression(declaration) ||
    Node.isConstructorDeclaration(declaration)
  ) {
    const params = declaration.getParameters().map((p) => {
      const rest = p.isRestParameter() ? '...' : '';
      const optional = p.isOptional() && !p.isRestParameter() ? '?' : '';
      return `${rest}${p.getName()}${optional}: ${typeText(p.getType(), p)}`;
    });
    const asyncText = !Node.isConstructorDeclaration(declaration) && declaration.isAsync() ? 'async ' : '';
    return `${asyncText}${name}(${params.join(', ')}): ${typeText(declaration.getReturnType(), declaration)}`;
  }
  return `${name}: ${typeText(declaration.getType(), declaration)}`;
}

function classSignature(cls: ClassDeclaration): string {
  const name = cls.getName() ?? 'default';
  const members: string[] = [];
  for (const ctor of cls.getConstructors()) {
    members.push(resolvedSignature('constructor', ctor));
  }
  for (const prop of cls.getProperties()) {
    if (prop.getScope() !== Scope.Private && !prop.getName().startsWith('#')) {
      members.push(`${prop.isStatic() ? 'static ' : ''}${prop.getName()}: ${typeText(prop.getType(), prop)}`);
    }
  }
  for (const method of cls.getMethods()) {
    if (method.getScope() !== Scope.Private && !method.getName().startsWith('#')) {
      members.push(`${method.isStatic() ? 'static ' : ''}${resolvedSignature(method.getName(), method)}`);
    }
  }
  return `class ${name} {\n${members.map((m) => `  ${m};`).join('\n')}\n}`;
}
