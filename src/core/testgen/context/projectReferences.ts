import { Node, type Type } from 'ts-morph';
import { declarationOf } from './findTestTarget';

/** Whether a declaration is the project's own code (not a dependency, not a .d.ts). */
export function isProjectCode(node: Node, root: string): boolean {
  const file = node.getSourceFile();
  const path = file.getFilePath();
  return path.startsWith(`${root}/`) && !path.includes('/node_modules/') && !file.isDeclarationFile();
}

/** The statement-level code of a callee declaration: the function, method, class or `const f = …`. */
function shownNode(decl: Node): Node | undefined {
  if (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl) || Node.isClassDeclaration(decl)) {
    return decl;
  }
  if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    if (init !== undefined && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) {
      return decl.getVariableStatement() ?? decl;
    }
  }
  return undefined;
}

const within = (node: Node, outer: Node): boolean => node.getSourceFile() === outer.getSourceFile() && node.getPos() >= outer.getPos() && node.getEnd() <= outer.getEnd();

/** The project functions, methods and classes `target` calls or constructs, in order of first call. */
export function calleeDeclarations(target: Node, root: string): Node[] {
  const found: Node[] = [];
  target.forEachDescendant((node) => {
    if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) {
      return;
    }
    const decl = declarationOf(node.getExpression());
    const shown = decl === undefined ? undefined : shownNode(decl);
    if (shown !== undefined && isProjectCode(shown, root) && !within(shown, target) && !within(target, shown) && !found.includes(shown)) {
      found.push(shown);
    }
  });
  return found;
}

const isTypeDeclaration = (node: Node): boolean => Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isEnumDeclaration(node);

/** Type declarations behind a resolved type: its symbol, alias, type arguments, union members, array element. */
function typeDeclarations(type: Type, depth: number, out: Node[]): void {
  if (depth > 2) {
    return;
  }
  for (const symbol of [type.getAliasSymbol(), type.getSymbol()]) {
    for (const decl of symbol?.getDeclarations() ?? []) {
      if (isTypeDeclaration(decl) && !out.includes(decl)) {
        out.push(decl);
      }
    }
  }
  const parts = [...type.getAliasTypeArguments(), ...type.getTypeArguments(), ...type.getUnionTypes(), ...type.getIntersectionTypes()];
  const element = type.getArrayElementType();
  for (const part of element === undefined ? parts : [...parts, element]) {
    typeDeclarations(part, depth + 1, out);
  }
}

/**
 * The project's interfaces, type aliases and enums `target` uses: those named in its code, those
 * behind its resolved parameter and return types, and (two levels deep) those they name.
 */
export function usedTypeDeclarations(target: Node, signatureOf: Node, root: string): Node[] {
  const found: Node[] = [];
  const collectNamed = (node: Node): void => {
    node.forEachDescendant((child) => {
      if (Node.isTypeReference(child)) {
        const decl = declarationOf(child.getTypeName());
        if (decl !== undefined && isTypeDeclaration(decl) && !found.includes(decl)) {
          found.push(decl);
        }
      }
    });
  };
  collectNamed(target);
  if (Node.isFunctionLikeDeclaration(signatureOf) || Node.isArrowFunction(signatureOf) || Node.isFunctionExpression(signatureOf)) {
    for (const param of signatureOf.getParameters()) {
      typeDeclarations(param.getType(), 0, found);
    }
    typeDeclarations(signatureOf.getReturnType(), 0, found);
  }
  for (let round = 0, from = 0; round < 2; round += 1) {
    const to = found.length;
    found.slice(from, to).forEach(collectNamed);
    from = to;
  }
  return found.filter((decl) => isProjectCode(decl, root));
}
