import { testgenCell, testgenProblems } from './testgen';
import type { CorpusEntry, ProjectResult } from './types';

/** The columns of the corpus table, in order. */
export const COLUMNS = ['project', 'framework', 'specs applied', 'new tsc errors', 'old tests passing', 'generated pass / todo / fail', 'Generate Tests', 're-run unchanged', 'seconds', 'result'] as const;

/**
 * Clean: the runner finished, every spec applied, no new type error, every test that passed before
 * passes, every generated test passes or is a todo (and at least one ran), every suite reported,
 * and applying the specs again changed nothing.
 */
export function isClean(result: ProjectResult): boolean {
  return problems(result).length === 0;
}

/** Why a row is not clean, most important first; empty when it is clean. */
export function problems(result: ProjectResult): string[] {
  if (result.failure !== undefined) {
    return [`${result.failure.stage}: ${result.failure.reason}`];
  }
  const unsupported = unsupportedReason(result);
  if (unsupported !== undefined) {
    return [`not supported: ${unsupported}`, ...testgenProblems(result.testgen)];
  }
  const found: string[] = [];
  for (const spec of result.specs) {
    if (!spec.applied) {
      found.push(`${spec.spec.replace(/\.ya?ml$/, '')} refused: ${spec.reason ?? `exit ${spec.exitCode}`}`);
    }
  }
  if (result.newTypeErrors.length > 0) {
    found.push(`${result.newTypeErrors.length} new type error(s), first: ${result.newTypeErrors[0] ?? ''}`);
  }
  const suites = [...(result.baseline?.suites ?? []), ...(result.after?.suites ?? [])];
  const reported = new Set<string>();
  for (const suite of suites.filter((s) => s.outcome !== 'ran')) {
    const what = suite.outcome === 'unsupported' ? 'no test runner recognised' : suite.outcome === 'timeout' ? 'timed out' : `no readable report (exit ${suite.exitCode})`;
    const why = suite.outputTail === undefined ? '' : `: ${errorLine(suite.outputTail)}`;
    const phase = result.baseline?.suites.includes(suite) === true ? 'baseline' : 'after the change';
    // The same failure before and after is one problem of the project, named once.
    if (!reported.has(`${suite.suite}\u0000${what}`)) {
      reported.add(`${suite.suite}\u0000${what}`);
      found.push(`${suite.suite} (${phase}): ${what}${why} [${suite.command.replace(/^(.*?)( --)? (--json|--run|--reporter|--test-reporter).*$/, '$1')}]`);
    }
  }
  if (suites.length === 0) {
    found.push('no test command');
  }
  for (const suite of result.after?.suites ?? []) {
    if (suite.stoppedAfterReport !== undefined && !lingeredBefore(result, suite.suite)) {
      found.push(`${suite.suite} (after the change): did not exit after writing its report (open handles), only after the change`);
    }
  }
  const old = result.oldTests;
  if (old !== undefined && old.broken.length > 0) {
    found.push(`${old.broken.length} old test(s) no longer pass, first: ${old.broken[0] ?? ''}`);
  }
  const generated = result.generatedTests;
  if (generated !== undefined && generated.failed > 0) {
    found.push(`${generated.failed} generated test(s) fail, first: ${generated.failures[0] ?? ''}`);
  }
  if (generated !== undefined && generated.notRun.length > 0) {
    found.push(`generated test file(s) not run by the project's test commands: ${generated.notRun.join(', ')}`);
  }
  if (generated !== undefined && result.specs.some((s) => s.applied) && generated.passed + generated.todo === 0) {
    found.push('no generated test ran');
  }
  found.push(...testgenProblems(result.testgen));
  if (result.rerun !== undefined && !result.rerun.unchanged) {
    found.push(`re-run changed ${result.rerun.changedFiles.join(', ')}`);
  }
  return found;
}

function lingeredBefore(result: ProjectResult, suite: string): boolean {
  return result.baseline?.suites.some((s) => s.suite === suite && s.stoppedAfterReport !== undefined) === true;
}

/** What the reader should know about a row that is not a problem of ours: suites that lingered in the baseline too. */
export function notes(result: ProjectResult): string[] {
  const lingering = (result.after?.suites ?? []).filter((s) => s.stoppedAfterReport !== undefined && lingeredBefore(result, s.suite));
  return lingering.map(
    (s) => `note: ${s.suite} did not exit after writing its report, before the change too (open handles in the project's own tests); stopped ${s.stoppedAfterReport ?? 0} s after it`,
  );
}

/**
 * The CLI's one sentence when it refused every spec for the same reason and wrote nothing: the
 * project is not supported, and that sentence is the whole verdict of the row.
 */
export function unsupportedReason(result: ProjectResult): string | undefined {
  const reasons = new Set(result.specs.map((s) => (s.applied ? undefined : s.reason)));
  const [reason] = [...reasons];
  const wroteNothing = result.specs.every((s) => s.changedFiles.length === 0);
  return result.specs.length > 0 && reasons.size === 1 && reason !== undefined && wroteNothing ? reason : undefined;
}

/** The line of a command's output that says what went wrong: its first error line, else its last line. */
export function errorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return (lines.find((line) => /\b\w*(Error|error|ERR!|ERR_\w+)/.test(line) && !/^at /.test(line)) ?? lines[lines.length - 1] ?? '').slice(0, 200);
}

/** The cells of one row, in COLUMNS order. */
export function rowCells(result: ProjectResult): string[] {
  const applied = result.specs.filter((s) => s.applied).length;
  const total = result.failure === undefined ? result.specs.length : 0;
  const old = result.oldTests;
  const gen = result.generatedTests;
  const found = problems(result);
  return [
    result.id,
    result.framework,
    result.failure === undefined ? `${applied}/${total}` : '—',
    result.after === undefined || !result.after.tsc.ran ? '—' : String(result.newTypeErrors.length),
    old === undefined ? '—' : `${old.stillPassing}/${old.passedBefore}${old.failingBefore > 0 ? ` (${old.failingBefore} failing before)` : ''}`,
    gen === undefined ? '—' : `${gen.passed} / ${gen.todo} / ${gen.failed}`,
    testgenCell(result.testgen),
    result.rerun === undefined ? '—' : result.rerun.unchanged ? 'yes' : 'no',
    String(result.seconds),
    [found.length === 0 ? 'clean' : found.join('; '), ...notes(result)].join('; '),
  ];
}

/** Escapes a table cell for Markdown. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown table of results, with a totals line under it. */
export function markdownTable(results: readonly ProjectResult[]): string {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`];
  for (const result of results) {
    lines.push(`| ${rowCells(result).map(cell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n\n${totals(results)}\n${provenance(results)}`;
}

/** Which CLI builds and days the rows come from. */
export function provenance(results: readonly ProjectResult[]): string {
  const commits = [...new Set(results.map((r) => r.cliCommit ?? 'unknown'))].sort();
  const days = [...new Set(results.map((r) => r.date.slice(0, 10)))].sort();
  return `Rows from the CLI built at ${commits.map((c) => `\`${c}\``).join(', ')}, run ${days.join(', ')}.`;
}

/** One line of totals: clean rows, specs applied, generated tests. */
export function totals(results: readonly ProjectResult[]): string {
  const clean = results.filter((r) => isClean(r)).length;
  const specs = results.flatMap((r) => r.specs);
  const sum = (pick: (r: ProjectResult) => number): number => results.reduce((total, r) => total + pick(r), 0);
  const unsupported = results.filter((r) => r.failure === undefined && unsupportedReason(r) !== undefined).length;
  return (
    `Totals: ${clean}/${results.length} rows clean${unsupported > 0 ? ` (${unsupported} not supported, with the CLI's reason)` : ''}; ${specs.filter((s) => s.applied).length}/${specs.length} spec applications; ` +
    `generated tests ${sum((r) => r.generatedTests?.passed ?? 0)} passing, ${sum((r) => r.generatedTests?.todo ?? 0)} todo, ` +
    `${sum((r) => r.generatedTests?.failed ?? 0)} failing; ${sum((r) => r.newTypeErrors.length)} new type errors; ` +
    `${sum((r) => r.oldTests?.broken.length ?? 0)} old tests broken.` +
    testgenTotals(results)
  );
}

/** Generate Tests over the rows that name a function: how many wrote a file, kept tests passing in the project's runner. */
function testgenTotals(results: readonly ProjectResult[]): string {
  const tried = results.filter((r) => r.testgen !== undefined);
  if (tried.length === 0) {
    return '';
  }
  const written = tried.filter((r) => r.testgen?.application.applied === true).length;
  const clean = tried.filter((r) => testgenProblems(r.testgen).length === 0).length;
  const passed = tried.reduce((total, r) => total + (r.testgen?.tests?.passed ?? 0), 0);
  const failed = tried.reduce((total, r) => total + (r.testgen?.tests?.failed ?? 0), 0);
  return ` Generate Tests: ${clean}/${tried.length} projects clean, ${written} wrote a test file, ${passed} kept tests passing and ${failed} failing in the projects' own runners.`;
}

/** One fixed-width line for the terminal. */
export function consoleRow(result: ProjectResult): string {
  const [id, framework, specs, tsc, old, gen, testgen, rerun, secs, verdict] = rowCells(result);
  return `${(id ?? '').padEnd(28)} ${(framework ?? '').padEnd(8)} specs ${(specs ?? '').padEnd(4)} tsc+${(tsc ?? '').padEnd(3)} old ${(old ?? '').padEnd(10)} gen ${(gen ?? '').padEnd(12)} tests ${(testgen ?? '').padEnd(20)} rerun ${(rerun ?? '').padEnd(3)} ${(secs ?? '').padStart(4)}s  ${verdict ?? ''}`;
}

/** The corpus list: id, repo, pinned commit, framework, shape, why. */
export function corpusList(entries: readonly CorpusEntry[]): string {
  const lines = ['| id | repository | commit | framework | shape | why it is in the corpus |', '| --- | --- | --- | --- | --- | --- |'];
  for (const entry of entries) {
    const repo = `[${entry.repo}](https://github.com/${entry.repo}${entry.subdir === undefined ? '' : `/tree/${entry.commit}/${entry.subdir}`})`;
    lines.push(`| ${[entry.id, repo, `\`${entry.commit.slice(0, 12)}\``, entry.framework, entry.shape, entry.why ?? entry.notes ?? ''].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Replaces the text between `<!-- corpus:NAME:start -->` and `<!-- corpus:NAME:end -->`; throws
 * when the markers are missing, so a hand-edited document is never silently left stale.
 */
export function replaceBetweenMarkers(document: string, name: string, content: string): string {
  const start = `<!-- corpus:${name}:start -->`;
  const end = `<!-- corpus:${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`docs/real-world.md has no ${start} … ${end} markers.`);
  }
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
