import { Node, type Project, type SourceFile, type StatementedNode } from 'ts-morph';
import type { ProjectFiles } from '../types';
import type { ModuleResolver } from './moduleResolver';

/** One `x.use('/path', importedRouter)` registration, read from the AST. */
export interface RouterMount {
  /** The file holding the `use` call, relative to the root. */
  readonly file: string;
  /** 1-based line of the call (evidence). */
  readonly line: number;
  /** The object `use` is called on (`app`, `router`). */
  readonly on: string;
  /** The mount path (`/users`); undefined for `app.use(router)`. */
  readonly path: string | undefined;
  /** The identifier passed as the router. */
  readonly identifier: string;
  /** How that identifier is imported: its module specifier and whether it is the default import. */
  readonly specifier: string;
  readonly isDefaultImport: boolean;
  /** The project file the specifier resolves to. */
  readonly target: string;
}

/** Reads `path` into a scratch ts-morph project; undefined when the file does not exist. */
export function parseProjectFile(project: Project, files: ProjectFiles, path: string): SourceFile | undefined {
  const text = files.read(path);
  return text === undefined ? undefined : project.createSourceFile(`/__scan__/${path}`, text, { overwrite: true });
}

/** The module an identifier is imported from in `file`, with whether it is the default import. */
export function importOf(file: SourceFile, identifier: string): { specifier: string; isDefault: boolean } | undefined {
  for (const decl of file.getImportDeclarations()) {
    if (decl.getDefaultImport()?.getText() === identifier) {
      return { specifier: decl.getModuleSpecifierValue(), isDefault: true };
    }
    if (decl.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === identifier)) {
      return { specifier: decl.getModuleSpecifierValue(), isDefault: false };
    }
  }
  return undefined;
}

/**
 * Every top-level `<on>.use(['/path',] importedIdentifier)` in the file whose identifier is imported
 * from a project file, in source order. Middleware calls (`app.use(cors())`) and `app.use('*', fn)` are
 * not router mounts and are skipped.
 */
export function routerMounts(file: SourceFile, path: string, on: string, resolver: ModuleResolver, container: StatementedNode = file): RouterMount[] {
  const mounts: RouterMount[] = [];
  for (const statement of container.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!call || !Node.isCallExpression(call) || call.getExpression().getText() !== `${on}.use`) {
      continue;
    }
    const args = call.getArguments();
    const first = args[0];
    const mountPath = first && Node.isStringLiteral(first) ? first.getLiteralValue() : undefined;
    const routerArg = mountPath === undefined ? first : args[1];
    if (args.length !== (mountPath === undefined ? 1 : 2) || !routerArg || !Node.isIdentifier(routerArg)) {
      continue;
    }
    const imported = importOf(file, routerArg.getText());
    const target = imported ? resolver.resolve(path, imported.specifier) : undefined;
    if (imported && target) {
      mounts.push({
        file: path, line: statement.getStartLineNumber(), on, path: mountPath, identifier: routerArg.getText(),
        specifier: imported.specifier, isDefaultImport: imported.isDefault, target,
      });
    }
  }
  return mounts;
}

/** The variable a file initialises with `Router()` / `express.Router()`; undefined when there is none. */
export function routerVariable(file: SourceFile): { name: string; exported: boolean; isDefaultExport: boolean } | undefined {
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    if (init && Node.isCallExpression(init) && /(?:^|\.)Router$/.test(init.getExpression().getText())) {
      const name = decl.getName();
      const exported = decl.getVariableStatement()?.isExported() === true;
      const isDefaultExport = file.getExportAssignments().some((a) => !a.isExportEquals() && a.getExpression().getText() === name);
      return { name, exported, isDefaultExport };
    }
  }
  return undefined;
}
