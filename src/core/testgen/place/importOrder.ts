import { builtinModules } from 'node:module';
import { ts, type ImportDeclaration, type SourceFile } from 'ts-morph';

/** Node's own modules, packages, and the project's own code (relative or through an alias). */
export type ImportGroup = 'builtin' | 'external' | 'internal';

/** How the neighbouring tests order their imports. */
export interface ImportOrder {
  /** The groups in the order they appear. */
  readonly groups: readonly ImportGroup[];
  /** A blank line between two groups. */
  readonly blankLineBetween: boolean;
  /** Declarations sorted by module specifier within a group. */
  readonly sorted: boolean;
  /** The test file the order was read from. */
  readonly reason: string;
}

const DEFAULT_GROUPS: readonly ImportGroup[] = ['builtin', 'external', 'internal'];
const BUILTINS = new Set(builtinModules);

/** The group of a module specifier; `aliasPrefixes` mark the project's own aliased imports. */
export function groupOf(specifier: string, aliasPrefixes: readonly string[]): ImportGroup {
  if (specifier.startsWith('.') || aliasPrefixes.some((p) => specifier.startsWith(p))) {
    return 'internal';
  }
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '') ? 'builtin' : 'external';
}

interface ReadImport {
  readonly group: ImportGroup;
  readonly specifier: string;
  readonly startLine: number;
  readonly endLine: number;
}

function readImports(text: string, aliasPrefixes: readonly string[]): ReadImport[] {
  const file = ts.createSourceFile('t.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const line = (pos: number): number => file.getLineAndCharacterOfPosition(pos).line;
  return file.statements
    .filter((s): s is ts.ImportDeclaration => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.importClause !== undefined)
    .map((s) => {
      const specifier = (s.moduleSpecifier as ts.StringLiteral).text;
      return { group: groupOf(specifier, aliasPrefixes), specifier, startLine: line(s.getStart(file)), endLine: line(s.getEnd()) };
    });
}

/** Whether specifiers are in the order `orderImports` writes them. */
const inOrder = (a: string, b: string): boolean => a.localeCompare(b, 'en') <= 0;

/**
 * The import order of the nearest test with imports from two groups or more (groups, blank line
 * between them, sorted within a group); undefined when no neighbour shows one.
 */
export function learnImportOrder(neighbours: readonly { readonly path: string; readonly text: string }[], aliasPrefixes: readonly string[]): ImportOrder | undefined {
  for (const neighbour of neighbours) {
    const imports = readImports(neighbour.text, aliasPrefixes);
    const groups = [...new Set(imports.map((i) => i.group))];
    if (groups.length < 2) {
      continue;
    }
    let blank = true;
    let sorted = true;
    for (let i = 1; i < imports.length; i += 1) {
      const prev = imports[i - 1];
      const cur = imports[i];
      if (prev === undefined || cur === undefined) {
        continue;
      }
      if (prev.group !== cur.group) {
        blank &&= cur.startLine - prev.endLine > 1;
      } else {
        sorted &&= inOrder(prev.specifier, cur.specifier);
      }
    }
    const all = [...groups, ...DEFAULT_GROUPS.filter((g) => !groups.includes(g))];
    return { groups: all, blankLineBetween: blank, sorted, reason: neighbour.path };
  }
  return undefined;
}

/**
 * Moves the declarations Routecraft added (`added`) to where the order puts them: after the last
 * import of their group (at their sorted place when the group is sorted), or between the groups
 * around theirs. A file Routecraft writes whole (`wholeFile`) gets all its imports ordered, with
 * blank lines between groups when the neighbours have them. The user's own imports never move.
 */
export function orderImports(file: SourceFile, order: ImportOrder, aliasPrefixes: readonly string[], added: ReadonlySet<ImportDeclaration>, wholeFile: boolean): void {
  const rank = (decl: ImportDeclaration): number => order.groups.indexOf(groupOf(decl.getModuleSpecifierValue(), aliasPrefixes));
  if (wholeFile) {
    const decls = file.getImportDeclarations();
    const [first] = decls;
    const last = decls.at(-1);
    if (first === undefined || last === undefined) {
      return;
    }
    const sorted = decls.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || (order.sorted ? a.d.getModuleSpecifierValue().localeCompare(b.d.getModuleSpecifierValue(), 'en') : 0) || a.i - b.i);
    const text = sorted.map(({ d }, i) => `${i > 0 && order.blankLineBetween && rank(d) !== rank(sorted[i - 1]?.d ?? d) ? '\n' : ''}${d.getText()}`).join('\n');
    const full = file.getFullText();
    file.replaceWithText(`${full.slice(0, first.getStart())}${text}${full.slice(last.getEnd())}`);
    return;
  }
  const blankAfter = (): boolean => {
    const last = file.getImportDeclarations().at(-1);
    const next = last?.getNextSibling();
    return last !== undefined && next !== undefined && next.getStartLineNumber() - last.getEndLineNumber() > 1;
  };
  const hadBlank = blankAfter();
  for (const decl of file.getImportDeclarations().filter((d) => added.has(d))) {
    const others = file.getImportDeclarations().filter((d) => d !== decl && !added.has(d));
    if (others.length === 0) {
      continue;
    }
    const r = rank(decl);
    const spec = decl.getModuleSpecifierValue();
    const sameGroup = others.filter((d) => rank(d) === r);
    const before = order.sorted ? sameGroup.find((d) => !inOrder(d.getModuleSpecifierValue(), spec)) : undefined;
    const after = before === undefined ? (sameGroup.at(-1) ?? others.filter((d) => rank(d) < r).at(-1)) : undefined;
    const anchorIndex = before !== undefined ? before.getChildIndex() : after !== undefined ? after.getChildIndex() + 1 : (others[0]?.getChildIndex() ?? 0);
    const own = decl.getChildIndex();
    const structure = decl.getStructure();
    decl.remove();
    const index = anchorIndex > own ? anchorIndex - 1 : anchorIndex;
    file.insertImportDeclaration(Math.max(0, index), structure);
  }
  const last = file.getImportDeclarations().at(-1);
  if (hadBlank && !blankAfter() && last !== undefined && last.getNextSibling() !== undefined) {
    file.insertText(last.getEnd(), '\n');
  }
}
