import type { QueryProof } from './embedded/proveQuery';
import type { ResultValue } from './embedded/resultValues';

const MAX_ROWS = 50;

/** The proof's rows as an aligned text table (at most 50 rows). */
export function formatResultTable(proof: Pick<QueryProof, 'columns' | 'rows'>): string {
  const shown = proof.rows.slice(0, MAX_ROWS);
  const cells = [proof.columns, ...shown.map((row) => proof.columns.map((c) => cell(row[c] ?? null)))];
  const widths = proof.columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((v, i) => v.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.slice(1).map(line)];
  if (proof.rows.length > MAX_ROWS) {
    out.push(`… ${proof.rows.length - MAX_ROWS} more row(s)`);
  }
  if (proof.rows.length === 0) {
    out.push('(no rows)');
  }
  return out.join('\n');
}

/** The same rows as a Markdown table. */
export function markdownResultTable(proof: Pick<QueryProof, 'columns' | 'rows'>): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const rows = proof.rows.slice(0, MAX_ROWS).map((row) => `| ${proof.columns.map((c) => escape(cell(row[c] ?? null))).join(' | ')} |`);
  return [`| ${proof.columns.map(escape).join(' | ')} |`, `| ${proof.columns.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

function cell(value: ResultValue): string {
  return value === null ? 'NULL' : String(value);
}
