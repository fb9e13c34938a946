import type { ReviewReport } from './reviewChanges';
import { atOrAbove, SEVERITIES, type ReviewFinding, type Severity } from './reviewTypes';

export interface MarkdownOptions {
  /** A link target for a finding's line (the editor's command link); plain `file:line` text without it. */
  readonly link?: (file: string, line: number) => string;
}

/**
 * Escapes model text for Markdown: no links, images, autolinks or HTML can come from the model;
 * inline code (a pair of single backticks) stays as written.
 */
export function escapeMarkdown(text: string): string {
  // Code spans stay as written: nothing inside one renders as a link or HTML, and a backslash there
  // would show as a backslash (`z.string\(\)`).
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\[\]()<>!*_~|#]/g, (c) => `\\${c}`)))
    .join('');
}

/** The review as Markdown: for a terminal, a pull-request comment, or the editor's panel. */
export function reviewMarkdown(report: ReviewReport, options: MarkdownOptions = {}): string {
  const out = [`# Review: ${escapeMarkdown(report.label)}`, ''];
  if (report.summaries.length === 0) {
    out.push(report.files.length === 0 ? 'No changes.' : 'Nothing was sent to the model; only the deterministic checks ran.', '');
  }
  for (const s of report.summaries) {
    out.push(report.summaries.length > 1 ? `**${escapeMarkdown(s.files.join(', '))}**: ${escapeMarkdown(s.text)}` : escapeMarkdown(s.text), '');
  }
  out.push(`${countLine(report.findings)} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.`, '');
  const byFile = new Map<string, ReviewFinding[]>();
  for (const f of report.findings) {
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`## ${escapeMarkdown(file)}`, '');
    for (const f of [...findings].sort((a, b) => a.line - b.line)) {
      const where = options.link ? `[line ${f.line}](${options.link(f.file, f.line)})` : `line ${f.line}`;
      out.push(`- **${f.severity}** · ${f.kind} · ${where}: ${escapeMarkdown(f.message)}${f.origin === 'rule' ? ' _(rule)_' : ''}`);
    }
    out.push('');
  }
  if (report.notSent.length > 0) {
    out.push('## Not sent to the model', '', ...report.notSent.map((n) => `- ${escapeMarkdown(n.path)}: ${n.reason}`), '');
  }
  if (report.dropped.length > 0) {
    out.push(`_${report.dropped.length} finding${report.dropped.length === 1 ? '' : 's'} of the model pointed outside the change and ${report.dropped.length === 1 ? 'was' : 'were'} not shown._`, '');
  }
  const tokens = report.requests.reduce((n, r) => n + r.estimatedTokens, 0);
  out.push(`_${report.model}, ${report.requests.length} request${report.requests.length === 1 ? '' : 's'}, ≈${tokens} prompt tokens._`, '');
  return out.join('\n');
}

function countLine(findings: readonly ReviewFinding[]): string {
  if (findings.length === 0) {
    return 'No findings';
  }
  const counts = [...SEVERITIES].reverse().map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})`;
}

/** The findings at or above `threshold` (what fails a CI run). */
export function failingFindings(report: ReviewReport, threshold: Severity): ReviewFinding[] {
  return report.findings.filter((f) => atOrAbove(f.severity, threshold));
}
