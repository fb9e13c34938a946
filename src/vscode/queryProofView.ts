import * as vscode from 'vscode';
import { markdownResultTable } from '../core/sql/formatResult';
import type { GeneratedQuery } from '../core/sql/generateQuery';
import { ReadOnlyDocuments } from './readOnlyDocuments';

const SCHEME = 'routecraft-query';

/**
 * The proof of a generated query beside the editor: the SQL, its parameters, the assumptions and the
 * rows the embedded database returned, as a Markdown preview of a read-only document (closing it
 * never asks to save).
 */
export class QueryProofView implements vscode.Disposable {
  private readonly documents = new ReadOnlyDocuments(SCHEME);

  /** Shows the proof (and the live database's plan, once asked for) in the Markdown preview to the side; returns the Markdown. */
  async show(question: string, timeZone: string, generated: GeneratedQuery, live?: LiveSection): Promise<string> {
    const markdown = proofMarkdown(question, timeZone, generated, live);
    const uri = this.documents.put(`/${generated.query.answer.functionName}.md`, markdown);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    // The preview takes the focus; give it back to the editor group on its left, where the review opens.
    await vscode.commands.executeCommand('workbench.action.focusLeftGroup');
    return markdown;
  }

  dispose(): void {
    this.documents.dispose();
  }
}

/** The EXPLAIN of the query on the user's database (`lines`), or why it failed. */
export interface LiveSection {
  readonly envName: string;
  readonly lines?: readonly string[];
  readonly ms?: number;
  readonly error?: string;
}

/** The SQL, its parameters, assumptions and the proven result table, as Markdown. */
export function proofMarkdown(question: string, timeZone: string, generated: GeneratedQuery, live?: LiveSection): string {
  const { query } = generated;
  const used = Object.entries(query.parameterValues).filter(([n]) => query.check.usedParameters.includes(n));
  return [
    `# ${question.replace(/[<>]/g, '')}`,
    '',
    `${generated.dialect}, schema from ${generated.schema.source} (${generated.schema.files.join(', ')}); time zone ${timeZone}.`,
    '',
    '```sql', query.sql, '```',
    '',
    '| parameter | value |', '| --- | --- |', ...used.map(([n, v]) => `| :${n} | ${JSON.stringify(v).replace(/\|/g, '\\|')} |`),
    '',
    ...(query.answer.assumptions.length > 0 ? ['**Assumptions**', '', ...query.answer.assumptions.map((a) => `- ${a}`), ''] : []),
    query.proof ? `**Result on ${query.proof.engine}** with fixture rows (${Object.entries(query.proof.inserted).map(([t, n]) => `${n} ${t}`).join(', ')}):` : `**Not run:** ${query.unproven ?? ''}`,
    '',
    query.proof ? markdownResultTable(query.proof) : '',
    '',
    ...generated.notes.map((n) => `> ${n}`),
    ...(live ? ['', live.lines
      ? `**EXPLAIN on $${live.envName}** (planned, not run; read-only transaction, rolled back; ${live.ms ?? 0} ms):`
      : `**EXPLAIN on $${live.envName} failed:** ${live.error ?? ''}`, '', ...(live.lines ? ['```text', ...live.lines, '```'] : [])] : []),
  ].join('\n');
}
