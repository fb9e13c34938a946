import { IndentationText, Project, QuoteKind, ts, type SourceFile } from 'ts-morph';
import type { CodeStyle } from '../types';

function indentationText(indent: string): IndentationText {
  if (indent === '\t') {
    return IndentationText.Tab;
  }
  if (indent.length >= 8) {
    return IndentationText.EightSpaces;
  }
  return indent.length >= 4 ? IndentationText.FourSpaces : IndentationText.TwoSpaces;
}

/** An in-memory ts-morph project whose manipulation settings follow the project's style. */
export function createCodeProject(style: CodeStyle): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: false, noLib: true },
    manipulationSettings: {
      indentationText: indentationText(style.indent),
      quoteKind: style.quote === 'single' ? QuoteKind.Single : QuoteKind.Double,
      useTrailingCommas: style.trailingComma,
      insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
    },
  });
}

function formatSettings(style: CodeStyle): ts.FormatCodeSettings {
  const tab = style.indent === '\t';
  return {
    indentSize: tab ? 4 : style.indent.length,
    tabSize: tab ? 4 : style.indent.length,
    convertTabsToSpaces: !tab,
    semicolons: style.semicolons ? ts.SemicolonPreference.Insert : ts.SemicolonPreference.Remove,
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  };
}

/** Runs the TypeScript formatter over a file Routecraft wrote itself (never over a user's file). */
export function formatSourceFile(file: SourceFile, style: CodeStyle): void {
  file.formatText(formatSettings(style));
}

/**
 * Formats statements meant for insertion into a user's file, without touching the rest of that file:
 * the fragment is formatted on its own, then inserted.
 */
export function formatFragment(project: Project, text: string, style: CodeStyle): string {
  const scratch = project.createSourceFile(`__fragment_${String(project.getSourceFiles().length)}.ts`, text, { overwrite: true });
  formatSourceFile(scratch, style);
  const result = scratch.getFullText().trim();
  project.removeSourceFile(scratch);
  return result;
}
