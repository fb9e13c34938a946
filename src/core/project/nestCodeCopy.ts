import { posix } from 'node:path';
import { Node, Project, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../errors';

/** Reads a project file by root-relative path; undefined when it does not exist. */
export type FileReader = (path: string) => string | undefined;

/** An import that copied code needs: a package, or a project file (root-relative, without extension). */
export interface CopiedImport {
  readonly module: string;
  /** `module` is a project file path, to be made relative to the importing file. */
  readonly projectFile: boolean;
  readonly kind: 'named' | 'default' | 'namespace';
  readonly name: string;
}

/** Code copied from the project with what it depends on: imports and local constants (declared first). */
export interface CopiedCode {
  readonly imports: readonly CopiedImport[];
  readonly declarations: readonly string[];
}

const GLOBALS = new Set(['undefined', 'process', 'Number', 'String', 'Boolean', 'JSON', 'Object', 'Array', 'Math', 'Date', 'RegExp', 'parseInt', 'parseFloat', 'Error', 'Promise', 'Symbol', 'this', 'true', 'false', 'null']);

/** Parses a project file (or returns undefined) in a throw-away in-memory project. */
export function parseProjectFile(read: FileReader, path: string): SourceFile | undefined {
  const text = read(path);
  if (text === undefined) {
    return undefined;
  }
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: false } });
  return project.createSourceFile(`/${path}`, text);
}

/** The project file a relative module specifier names (`./setup` → `src/setup.ts`), if it exists. */
export function resolveProjectModule(read: FileReader, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = posix.join(posix.dirname(fromFile), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => read(candidate) !== undefined);
}

/** `src/main.ts:12` */
export function where(node: Node): string {
  return `${node.getSourceFile().getFilePath().replace(/^\//, '')}:${String(node.getStartLineNumber())}`;
}

function importOf(read: FileReader, file: SourceFile, name: string): CopiedImport | undefined {
  for (const decl of file.getImportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    const path = file.getFilePath().replace(/^\//, '');
    const local = resolveProjectModule(read, path, specifier);
    const module = local !== undefined ? local.replace(/\.ts$/, '') : specifier;
    const base = { module, projectFile: local !== undefined };
    if (decl.getDefaultImport()?.getText() === name) {
      return { ...base, kind: 'default', name };
    }
    if (decl.getNamespaceImport()?.getText() === name) {
      return { ...base, kind: 'namespace', name };
    }
    const named = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name);
    if (named) {
      if (named.getAliasNode()) {
        return undefined;
      }
      return { ...base, kind: 'named', name };
    }
  }
  return undefined;
}

function referencedNames(node: Node): { name: string; node: Node }[] {
  const found: { name: string; node: Node }[] = [];
  const visit = (n: Node): void => {
    if (Node.isIdentifier(n)) {
      const parent = n.getParent();
      const isMemberName = parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === n;
      const isKey = parent && (Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent)) && parent.getNameNode() === n;
      if (!isMemberName && !isKey) {
        found.push({ name: n.getText(), node: n });
      }
      return;
    }
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/**
 * What `nodes` (expressions in a project file) need to be written elsewhere: the imports of the
 * names they use, and the local constants they read (copied as declarations, recursively). A name
 * that is neither (a parameter, a value computed from the app) cannot be rebuilt in a test: a
 * RoutecraftError names it and where it is used.
 */
export function copyDependencies(read: FileReader, nodes: readonly Node[], receiver: string): CopiedCode {
  const imports = new Map<string, CopiedImport>();
  const declarations: string[] = [];
  const declared = new Set<string>();
  const visit = (node: Node): void => {
    const file = node.getSourceFile();
    for (const ref of referencedNames(node)) {
      if (GLOBALS.has(ref.name) || declared.has(ref.name) || imports.has(ref.name)) {
        continue;
      }
      if (ref.name === receiver) {
        throw new RoutecraftError('invalid-input', `The app's setup at ${where(ref.node)} reads the app itself (${ref.node.getParentOrThrow().getText().slice(0, 60)}), which a test of one feature module cannot rebuild: nothing was written.`);
      }
      const imported = importOf(read, file, ref.name);
      if (imported) {
        imports.set(ref.name, imported);
        continue;
      }
      const variable = file.getVariableDeclaration(ref.name) ?? file.getDescendants().filter(Node.isVariableDeclaration).find((v) => v.getName() === ref.name);
      const init = variable?.getInitializer();
      if (variable && init) {
        declared.add(ref.name);
        const typeNode = variable.getTypeNode();
        if (typeNode) {
          visit(typeNode);
        }
        visit(init);
        declarations.push(`const ${ref.name}${typeNode ? `: ${typeNode.getText()}` : ''} = ${init.getText()};`);
        continue;
      }
      throw new RoutecraftError('invalid-input', `The app's setup at ${where(ref.node)} uses \`${ref.name}\`, which is neither imported nor a constant, so a test cannot rebuild it: nothing was written.`);
    }
  };
  nodes.forEach(visit);
  return { imports: [...imports.values()], declarations };
}
