import { changeSetDiff } from '../changes/unifiedDiff';
import type { Triage } from './triage';
import type { Frame, Problem } from './triageTypes';

/** How a report links to `path:line` (the CLI prints plain text; the editor passes a URI maker). */
export type LinkTo = (path: string, line: number, column?: number) => string | undefined;

const plain: LinkTo = () => undefined;

function at(path: string, line: number, column: number | undefined, link: LinkTo): string {
  const label = `${path}:${line}${column === undefined ? '' : `:${column}`}`;
  const target = link(path, line, column);
  return target === undefined ? `\`${label}\`` : `[${label}](${target})`;
}

function frameLine(f: Frame, link: LinkTo): string {
  const fn = `${f.async ? 'async ' : ''}${f.functionName ?? '<anonymous>'}`;
  if (f.mapped) {
    const via = f.mapped.via === 'source-map' ? ` (from \`${f.location.split(/[\\/]/).pop() ?? f.location}:${f.line ?? ''}\` via source map)` : '';
    return `- ${fn} ${at(f.mapped.path, f.mapped.line, f.mapped.column, link)}${via}`;
  }
  const tag = { project: 'project', dependency: 'node_modules', node: 'Node internal', native: 'native', outside: 'outside the project' }[f.origin];
  return `- ${fn} \`${f.location}${f.line === undefined ? '' : `:${f.line}`}\` — ${tag}, not sent`;
}

function problemLines(p: Problem, link: LinkTo, depth: number): string[] {
  const head = `${'#'.repeat(Math.min(6, 3 + depth))} ${depth > 0 ? 'Caused by ' : ''}${p.name ?? 'Failure'}${p.test === undefined ? '' : ` in “${p.test}”`}`;
  const message = p.message === '' ? [] : ['```text', p.message.length > 2000 ? `${p.message.slice(0, 2000)}…` : p.message, '```'];
  return [head, '', ...message, ...p.frames.map((f) => frameLine(f, link)), '', ...p.nested.flatMap((n) => problemLines(n, link, depth + 1))];
}

/** The triage as Markdown: cause, evidence, the fix's diff (or why it was refused), then every frame. */
export function formatTriageMarkdown(triage: Triage, link: LinkTo = plain): string {
  const lines = ['## Cause', '', triage.cause, '', `Confidence: **${triage.confidence}**`, ''];
  if (triage.evidence.length > 0) {
    lines.push('## Evidence', '', ...triage.evidence.map((e) => `- ${at(e.file, e.line, undefined, link)}${e.why ? ` — ${e.why}` : ''}`), '');
  }
  if (triage.droppedEvidence.length > 0) {
    lines.push(`_${triage.droppedEvidence.length} evidence item(s) dropped: they named lines that do not exist in the files shown (${triage.droppedEvidence.map((e) => `${e.file}:${e.line}`).join(', ')})._`, '');
  }
  if (triage.fix) {
    const errors = triage.fix.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${d.line}: TS${d.code} ${d.message}`));
    lines.push('## Proposed fix', '', triage.fix.summary, '', '```diff', changeSetDiff(triage.fix.changeSet).trimEnd(), '```', '');
    lines.push(errors.length === 0 ? 'Type check: no new errors.' : `Type check: ${errors.length} error(s):\n${errors.map((e) => `- ${e}`).join('\n')}`, '');
  } else if (triage.fixRefused) {
    lines.push('## Proposed fix', '', `⚠ ${triage.fixRefused}`, '');
  }
  lines.push(`## Frames (${triage.context.log.format} output)`, '', ...triage.context.log.problems.flatMap((p) => problemLines(p, link, 0)));
  if (triage.context.skipped.length > 0) {
    lines.push(`_Code not sent for: ${triage.context.skipped.join(', ')}._`, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The triage as JSON for scripts: the parsed problems with mapped frames, the answer, the fix as a patch. */
export function formatTriageJson(triage: Triage): string {
  return `${JSON.stringify(
    {
      format: triage.context.log.format,
      problems: triage.context.log.problems,
      cause: triage.cause,
      confidence: triage.confidence,
      evidence: triage.evidence,
      droppedEvidence: triage.droppedEvidence,
      fix: triage.fix ? { summary: triage.fix.summary, files: triage.fix.changeSet.files.map((f) => ({ path: f.path, diagnostics: f.diagnostics ?? [] })), diff: changeSetDiff(triage.fix.changeSet) } : undefined,
      fixRefused: triage.fixRefused,
      sentCode: triage.context.code.map((c) => ({ path: c.path, line: c.line, startLine: c.snippet.startLine, endLine: c.snippet.endLine })),
      model: triage.answer.model,
    },
    undefined,
    2,
  )}\n`;
}
