import { Node, SyntaxKind, type InterfaceDeclaration, type TypeAliasDeclaration, type TypeElementTypes, type TypeNode } from 'ts-morph';
import type { JsonSchema } from '../../jsonSchema';
import { crudSpecFrom, type CrudSpecDraft } from '../crudSpecFrom';
import { SpecConversionError } from '../specInputResult';
import { applyJsDoc } from './jsDocConstraints';
import { inMemorySource } from './inMemorySource';
import { pickRoot } from './pickRoot';

type Declaration = InterfaceDeclaration | TypeAliasDeclaration;

interface Context {
  readonly declarations: ReadonlyMap<string, Declaration>;
  readonly issues: string[];
  readonly warnings: string[];
  readonly stack: readonly string[];
}

/** Text that opens an `interface X {` or a `type X =` declaration. */
export const TYPESCRIPT_DECLARATION = /^\s*(export\s+)?(declare\s+)?(interface\s+[A-Za-z_$][\w$]*(\s*<[^>]*>)?(\s+extends\s+[^{]+)?\s*\{|type\s+[A-Za-z_$][\w$]*(\s*<[^>]*>)?\s*=)/m;

/**
 * A TypeScript interface or object type alias → a CRUD spec for that resource, read syntactically
 * (no type checker). Other interfaces and aliases in the same text can be referenced. Throws
 * {@link SpecConversionError} listing every issue; returns undefined when the text declares no type.
 */
export function typeScriptToSpec(text: string): CrudSpecDraft | undefined {
  const { file, syntaxErrors } = inMemorySource(text);
  const declarations = new Map<string, Declaration>();
  for (const statement of file.getStatements()) {
    if (Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement)) {
      declarations.set(statement.getName(), statement);
    }
  }
  if (declarations.size === 0) {
    return undefined;
  }
  if (syntaxErrors.length > 0) {
    throw new SpecConversionError(syntaxErrors);
  }
  const warnings: string[] = [];
  const root = pickRoot([...declarations.keys()], (name) => declarations.get(name)!.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()), warnings);
  const ctx: Context = { declarations, issues: [], warnings, stack: [] };
  const entity = declarationSchema(declarations.get(root)!, root, ctx);
  if (ctx.issues.length === 0 && entity.type !== 'object') {
    ctx.issues.push(`${root}: an entity must be an object type`);
  }
  if (ctx.issues.length > 0) {
    throw new SpecConversionError(ctx.issues);
  }
  return crudSpecFrom(root, entity, warnings);
}

function declarationSchema(declaration: Declaration, where: string, ctx: Context): JsonSchema {
  const name = declaration.getName();
  if (ctx.stack.includes(name)) {
    ctx.issues.push(`${where}: recursive type ${[...ctx.stack, name].join(' → ')} is not supported yet`);
    return {};
  }
  const inner: Context = { ...ctx, stack: [...ctx.stack, name] };
  if (declaration.getTypeParameters().length > 0) {
    ctx.issues.push(`${where}: generic type ${name}<…> is not supported yet`);
    return {};
  }
  if (Node.isTypeAliasDeclaration(declaration)) {
    return typeSchema(declaration.getTypeNodeOrThrow(), where, inner).schema;
  }
  const merged: JsonSchema[] = [];
  for (const base of declaration.getExtends()) {
    const baseName = base.getExpression().getText();
    const target = ctx.declarations.get(baseName);
    if (target) {
      merged.push(declarationSchema(target, `${where} extends ${baseName}`, inner));
    } else {
      ctx.issues.push(`${where}: extends ${baseName}, which is not declared in the selection`);
    }
  }
  merged.push(membersSchema(declaration.getMembers(), where, inner));
  return mergeObjects(merged);
}

function membersSchema(members: readonly TypeElementTypes[], where: string, ctx: Context): JsonSchema {
  const out: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const member of members) {
    if (!Node.isPropertySignature(member)) {
      const label = Node.isMethodSignature(member) ? `method ${member.getName()}()` : member.getKindName();
      ctx.issues.push(`${where}: ${label} is not supported: an entity holds data properties only`);
      continue;
    }
    const name = member.getNameNode().getText().replace(/^(['"])(.*)\1$/, '$2');
    const typeNode = member.getTypeNode();
    if (!typeNode) {
      ctx.issues.push(`${where}.${name}: the property has no type`);
      continue;
    }
    const mapped = typeSchema(typeNode, `${where}.${name}`, ctx);
    out.properties![name] = applyJsDoc(member, mapped.schema, `${where}.${name}`, ctx.issues, ctx.warnings);
    if (!member.hasQuestionToken() && !mapped.optional) {
      out.required!.push(name);
    }
  }
  return withoutEmptyRequired(out);
}

function typeSchema(node: TypeNode, where: string, ctx: Context): { schema: JsonSchema; optional: boolean } {
  if (Node.isParenthesizedTypeNode(node)) {
    return typeSchema(node.getTypeNode(), where, ctx);
  }
  if (Node.isUnionTypeNode(node)) {
    return unionSchema(node.getTypeNodes(), where, ctx);
  }
  return { schema: singleSchema(node, where, ctx), optional: false };
}

function unionSchema(members: readonly TypeNode[], where: string, ctx: Context): { schema: JsonSchema; optional: boolean } {
  const isKind = (n: TypeNode, kind: SyntaxKind) => n.getKind() === kind || (Node.isLiteralTypeNode(n) && n.getLiteral().getKind() === kind);
  const optional = members.some((m) => isKind(m, SyntaxKind.UndefinedKeyword));
  const nullable = members.some((m) => isKind(m, SyntaxKind.NullKeyword));
  const rest = members.filter((m) => !isKind(m, SyntaxKind.UndefinedKeyword) && !isKind(m, SyntaxKind.NullKeyword));
  const literals = rest.map(literalValue);
  let schema: JsonSchema;
  if (rest.length > 1 && literals.every((v) => v !== undefined)) {
    const types = new Set(literals.map((v) => typeof v));
    schema = types.size === 1 ? { type: [...types][0] as 'string' | 'number' | 'boolean', enum: literals } : { enum: literals };
    if (types.size === 1 && types.has('boolean') && literals.length === 2) {
      schema = { type: 'boolean' };
    }
  } else if (rest.length === 1) {
    schema = typeSchema(rest[0]!, where, ctx).schema;
  } else {
    ctx.issues.push(`${where}: not supported yet: the union ${members.map((m) => m.getText()).join(' | ')}`);
    schema = {};
  }
  return { schema: nullable ? { ...schema, nullable: true } : schema, optional };
}

function literalValue(node: TypeNode): string | number | boolean | undefined {
  if (!Node.isLiteralTypeNode(node)) {
    return undefined;
  }
  const literal = node.getLiteral();
  if (Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal)) {
    return literal.getLiteralText();
  }
  if (Node.isNumericLiteral(literal)) {
    return literal.getLiteralValue();
  }
  if (Node.isPrefixUnaryExpression(literal) && literal.getOperatorToken() === SyntaxKind.MinusToken) {
    return -Number(literal.getOperand().getText());
  }
  if (literal.getKind() === SyntaxKind.TrueKeyword || literal.getKind() === SyntaxKind.FalseKeyword) {
    return literal.getKind() === SyntaxKind.TrueKeyword;
  }
  return undefined;
}

function singleSchema(node: TypeNode, where: string, ctx: Context): JsonSchema {
  switch (node.getKind()) {
    case SyntaxKind.StringKeyword:
      return { type: 'string' };
    case SyntaxKind.NumberKeyword:
      return { type: 'number' };
    case SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    default:
      break;
  }
  const literal = literalValue(node);
  if (literal !== undefined) {
    return { type: typeof literal as 'string' | 'number' | 'boolean', enum: [literal] };
  }
  if (Node.isArrayTypeNode(node)) {
    return { type: 'array', items: typeSchema(node.getElementTypeNode(), `${where}[]`, ctx).schema };
  }
  if (Node.isTypeOperatorTypeNode(node) && node.getOperator() === SyntaxKind.ReadonlyKeyword) {
    return singleSchema(node.getTypeNode(), where, ctx);
  }
  if (Node.isTypeLiteral(node)) {
    return membersSchema(node.getMembers(), where, ctx);
  }
  if (Node.isIntersectionTypeNode(node)) {
    const parts = node.getTypeNodes().map((t) => singleSchema(t, where, ctx));
    if (parts.every((p) => p.type === 'object')) {
      return mergeObjects(parts);
    }
    ctx.issues.push(`${where}: not supported yet: the intersection ${node.getText()} (only object types)`);
    return {};
  }
  if (Node.isTypeReference(node)) {
    const name = node.getTypeName().getText();
    const args = node.getTypeArguments();
    if ((name === 'Array' || name === 'ReadonlyArray') && args[0]) {
      return { type: 'array', items: typeSchema(args[0], `${where}[]`, ctx).schema };
    }
    if (name === 'Date') {
      return { type: 'string', format: 'date-time' };
    }
    const declaration = ctx.declarations.get(name);
    if (declaration) {
      return declarationSchema(declaration, where, ctx);
    }
    ctx.issues.push(`${where}: unknown type ${node.getText()}: declare it in the selection or use a plain type`);
    return {};
  }
  ctx.issues.push(`${where}: not supported yet: the type ${node.getText()}`);
  return {};
}

function mergeObjects(parts: readonly JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const part of parts) {
    Object.assign(properties, part.properties);
    required.push(...(part.required ?? []).filter((r) => !required.includes(r)));
  }
  return withoutEmptyRequired({ type: 'object', properties, required });
}

function withoutEmptyRequired(schema: JsonSchema): JsonSchema {
  if (schema.required?.length === 0) {
    delete schema.required;
  }
  return schema;
}
