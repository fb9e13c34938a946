// Issue-9 corpus bench (npm run bench:corpus -- [--spec FILE] [--work DIR] [--mirror DIR] [--json FILE] [ID...]):
// on every project of the real-world corpus (corpus/projects/, checked out and installed by the corpus
// runner's code, kept in --work for later runs), a cold `routecraft endpoint --spec <spec> --project P`
// (diff only, type check included) beside the project's own `tsc --noEmit`, interleaved: one uncounted
// warm-up round, then BENCH_RUNS (default 3) rounds. Whole processes (wall, CPU = user + system of the
// process and its children, peak RSS); ratios are medians of round-by-round ratios. The load average
// is printed before and after each project: on a shared machine read CPU time and the ratios.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { refusalReason } from '../scripts/corpus/steps';
import type { CorpusEntry } from '../scripts/corpus/types';
import { checkout, loadEntries, typeCheckCommand } from './corpusCheckout';
import { interleave, pairedRatio, summarize, type CommandSpec, type ProcessSample } from './processStats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_WARMUP=0 drops the uncounted warm-up round (the refusal check has already run the CLI once). */
const WARM_UP = process.env.BENCH_WARMUP !== '0';
const root = join(__dirname, '..');
const node = process.env.BENCH_NODE ?? process.execPath;

/** One project's figures, or why it has none. */
type Row =
  | { readonly kind: 'measured'; readonly id: string; readonly framework: string; readonly routecraft: ProcessSample[]; readonly tsc: ProcessSample[]; readonly load: readonly [number, number] }
  | { readonly kind: 'skipped'; readonly id: string; readonly framework: string; readonly reason: string };

const s = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const x = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
const load1 = (): number => Number(loadavg()[0]!.toFixed(1));

/** Runs the CLI once outside the measurement: a project it refuses (and why) is reported, not timed. */
function refusal(cli: string, spec: string, entry: CorpusEntry, projectDir: string): string | undefined {
  const run = spawnSync(node, [cli, 'endpoint', '--spec', spec, '--project', projectDir], { cwd: projectDir, env: { ...process.env, NO_COLOR: '1', ...entry.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0 && /^\+\+\+ b\//m.test(run.stdout)) {
    return undefined;
  }
  return `the CLI refused (exit ${String(run.status)}): ${refusalReason(`${run.stdout}\n${run.stderr}`)}`;
}

async function measure(entry: CorpusEntry, cli: string, spec: string, mirror: string, work: string): Promise<Row> {
  const head = { id: entry.id, framework: entry.framework };
  const ready = await checkout(entry, mirror, work, (line) => console.error(line));
  if (ready.kind === 'failed') {
    return { kind: 'skipped', ...head, reason: ready.reason };
  }
  const { projectDir } = ready.workspace;
  const refused = refusal(cli, spec, entry, projectDir);
  if (refused !== undefined) {
    return { kind: 'skipped', ...head, reason: refused };
  }
  const env = { ...entry.env };
  const commands: CommandSpec[] = [
    { label: 'routecraft', command: node, args: [cli, 'endpoint', '--spec', spec, '--project', projectDir], cwd: projectDir, env, expect: /^\+\+\+ b\//m },
    { label: 'tsc', command: 'sh', args: ['-c', typeCheckCommand(entry, ready.workspace, node)], cwd: projectDir, env, anyExitCode: true },
  ];
  const before = load1();
  process.stderr.write(`  ${entry.id}: load ${before}, rounds:`);
  let samples: ProcessSample[][];
  try {
    samples = interleave(commands, RUNS, (round) => process.stderr.write(round === 0 ? ' warm-up' : ` ${round}`), WARM_UP);
  } catch (error) {
    return { kind: 'skipped', ...head, reason: `a run failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}` };
  } finally {
    process.stderr.write('\n');
  }
  const [routecraft = [], tsc = []] = samples;
  return { kind: 'measured', ...head, routecraft, tsc, load: [before, load1()] };
}

/** The markdown table: one line per project, then the medians over the measured projects. */
export function table(rows: readonly Row[]): string[] {
  const lines = [
    '| project | framework | routecraft wall / CPU | `tsc --noEmit` wall / CPU | wall ratio | CPU ratio | load (1 min) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const ratios: { wall: number; cpu: number }[] = [];
  for (const row of rows) {
    if (row.kind === 'skipped') {
      lines.push(`| ${row.id} | ${row.framework} | — | — | — | — | not measured: ${row.reason.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
      continue;
    }
    const mine = summarize(row.routecraft);
    const theirs = summarize(row.tsc);
    const wall = pairedRatio(row.routecraft, row.tsc, 'wallMs');
    const cpu = pairedRatio(row.routecraft, row.tsc, 'cpuMs');
    ratios.push({ wall, cpu });
    lines.push(`| ${row.id} | ${row.framework} | ${s(mine.wallMs)} / ${s(mine.cpuMs)} | ${s(theirs.wallMs)} / ${s(theirs.cpuMs)} | ${x(wall)} | ${x(cpu)} | ${row.load[0]} → ${row.load[1]} |`);
  }
  const at = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
  const met = ratios.filter((r) => r.cpu <= 1).length;
  lines.push('', `${ratios.length} projects measured; median wall ratio ${x(at(ratios.map((r) => r.wall)))}, median CPU ratio ${x(at(ratios.map((r) => r.cpu)))}; CPU ratio ≤ 1.00× on ${met} of ${ratios.length}.`);
  return lines;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { spec: { type: 'string' }, work: { type: 'string' }, mirror: { type: 'string' }, json: { type: 'string' }, cli: { type: 'string' } },
  });
  const cli = resolve(values.cli ?? join(root, 'dist', 'cli.js'));
  const spec = resolve(values.spec ?? join(root, 'corpus', 'specs', '01-gadgets-crud.yaml'));
  const work = resolve(values.work ?? join(tmpdir(), 'routecraft-bench-corpus'));
  const mirror = resolve(values.mirror ?? '/work/.mirror');
  const entries = loadEntries(root, positionals);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`corpus bench: ${entries.length} projects, ${cli}, spec ${spec}, Node ${version}, ${RUNS} rounds${WARM_UP ? ' after a warm-up' : ''} (interleaved); checkouts kept in ${work}`);
  const rows: Row[] = [];
  for (const entry of entries) {
    rows.push(await measure(entry, cli, spec, mirror, work));
    // Each project's line as soon as it is measured (a long run on a shared machine may be cut short).
    console.error(table(rows.slice(-1))[2]);
    if (values.json !== undefined) {
      writeFileSync(values.json, `${JSON.stringify({ node: version, runs: RUNS, warmUp: WARM_UP, spec, rows }, null, 2)}\n`);
    }
  }
  console.log(table(rows).join('\n'));
}

main().catch((error: unknown) => {
  console.error(`corpus bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
