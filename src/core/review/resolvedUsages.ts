import { ModuleKind, ModuleResolutionKind, Node, Project, ScriptTarget, ts } from 'ts-morph';
import type { TouchedExport } from './hunkContext';

/** Where a changed export is referenced, as the TypeScript compiler resolves it. */
export interface ResolvedReference {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface ResolveReferencesInput {
  /** The changed file (repository-relative) and its text after the change. */
  readonly file: string;
  readonly text: string;
  readonly names: readonly TouchedExport[];
  /** Files that may use the names (repository-relative path → text), e.g. those that mention them. */
  readonly candidates: ReadonlyMap<string, string>;
  /** Give up (return `undefined`) when this time passes before every name is resolved. */
  readonly deadline: number;
  /** Most references kept per name. */
  readonly maxPerName: number;
}

/**
 * References to the changed file's exports in other files, found by the TypeScript language service
 * (ts-morph `findReferencesAsNodes`) over an in-memory project of the candidates: imports through
 * relative paths, `.js` specifiers and re-exports resolve; a local function of the same name in
 * another file is not a reference. Import and export statements are not usages. `undefined` past
 * the deadline (then the caller falls back to a text search).
 */
export function resolveReferences(input: ResolveReferencesInput): ResolvedReference[] | undefined {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, checkJs: false, jsx: ts.JsxEmit.Preserve, module: ModuleKind.ESNext, moduleResolution: ModuleResolutionKind.Bundler, target: ScriptTarget.ES2022, noLib: true },
  });
  const changed = project.createSourceFile(`/${input.file}`, input.text, { overwrite: true });
  for (const [path, text] of input.candidates) {
    if (path !== input.file) {
      project.createSourceFile(`/${path}`, text, { overwrite: true });
    }
  }
  const exported = changed.getExportedDeclarations();
  const found: ResolvedReference[] = [];
  for (const { name } of input.names) {
    if (Date.now() > input.deadline) {
      return undefined;
    }
    const nameNode = (exported.get(name) ?? []).map((d) => (Node.hasName(d) ? d.getNameNode() : undefined)).find((n) => n !== undefined);
    if (!nameNode || !Node.isIdentifier(nameNode)) {
      continue;
    }
    let kept = 0;
    for (const ref of nameNode.findReferencesAsNodes()) {
      const source = ref.getSourceFile();
      if (source === changed || kept >= input.maxPerName) {
        continue;
      }
      if (ref.getFirstAncestor((a) => Node.isImportDeclaration(a) || Node.isExportDeclaration(a) || Node.isImportEqualsDeclaration(a)) !== undefined) {
        continue;
      }
      found.push({ name, file: source.getFilePath().replace(/^\//, ''), line: ref.getStartLineNumber() });
      kept++;
    }
  }
  return found;
}
