import { Project, ts, type SourceFile } from 'ts-morph';

/**
 * Parses TypeScript text into an in-memory ts-morph source file (no disk, no lib files, no type
 * checking) plus its syntax errors, each with a line number.
 */
export function inMemorySource(text: string): { readonly file: SourceFile; readonly syntaxErrors: string[] } {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { target: ts.ScriptTarget.ES2022, noLib: true } });
  const file = project.createSourceFile('selection.ts', text);
  const diagnostics = project.getProgram().compilerObject.getSyntacticDiagnostics(file.compilerNode);
  const syntaxErrors = diagnostics.map((d) => {
    const line = d.start !== undefined ? file.getLineAndColumnAtPos(d.start).line : undefined;
    return `syntax error${line !== undefined ? ` (line ${line})` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  return { file, syntaxErrors };
}
