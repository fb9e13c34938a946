// Issue-9 figures (npm run bench): a cold `routecraft endpoint --spec` on a NestJS project (diff
// only, type check included) beside the baselines measured in the same run on the same project:
// the framework's own bare scaffold, `nest g resource <name> --dry-run`, and a full `tsc --noEmit`
// with the project's own TypeScript. Whole processes (wall, CPU, peak RSS), one uncounted warm-up
// round, then BENCH_RUNS rounds run interleaved; ratios are medians of round-by-round ratios.
// The Nest CLI is installed by this script into a temp folder (never into the root package.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, pairedRatio, summarize, type CommandSpec, type ProcessSample } from './processStats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The Nest CLI version the baseline runs (the fixture is a Nest 11 app; CLI 12 scaffolds it). */
const NEST_CLI = process.env.BENCH_NEST_CLI ?? '@nestjs/cli@12.0.8';
const root = join(__dirname, '..');
const node = process.env.BENCH_NODE ?? process.execPath;

function sh(command: string, args: readonly string[], cwd: string): void {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/** The Nest CLI in <tmp>/routecraft-bench-nest-cli (installed once, kept for later runs). */
function nestCli(): string {
  const dir = join(tmpdir(), 'routecraft-bench-nest-cli');
  const bin = join(dir, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  if (!existsSync(bin)) {
    console.log(`installing ${NEST_CLI} into ${dir} …`);
    mkdirSync(dir, { recursive: true });
    sh('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', NEST_CLI], dir);
  }
  return bin;
}

/** A copy of the nestjs-jest fixture (its node_modules linked), installed first if needed. */
function nestProject(): string {
  sh(process.execPath, [join(root, 'scripts', 'install-fixtures.mjs'), 'nestjs-jest'], root);
  const source = join(root, 'test', 'fixtures', 'nestjs-jest');
  const dir = join(root, 'test', 'fixtures', '.work', 'bench-cold-nest');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes('nestjs-jest/node_modules') });
  symlinkSync(join(source, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const s = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mib = (m: number | undefined): string => (m === undefined ? 'n/a' : `${m.toFixed(0)} MiB`);
const x = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

function main(): void {
  const project = nestProject();
  const nest = nestCli();
  const cli = join(root, 'dist', 'cli.js');
  const spec = join(root, 'corpus', 'specs', '01-gadgets-crud.yaml');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const nodeMajor = Number.parseInt(version.replace(/^v/, ''), 10);
  const routecraft = (label: string, env: NodeJS.ProcessEnv): CommandSpec => ({ label, command: node, args: [cli, 'endpoint', '--spec', spec, '--project', project], cwd: project, env, expect: /\+\+\+ b\/src\/gadgets\/gadgets\.controller\.ts/ });
  const commands: CommandSpec[] = [
    routecraft('routecraft endpoint --spec (diff, type-checked)', {}),
    // The compile cache exists from Node 22.1 on; on Node 20 this row would repeat the first.
    ...(nodeMajor >= 22 ? [routecraft('  same, Node compile cache off', { NODE_DISABLE_COMPILE_CACHE: '1' })] : []),
    // BENCH_OTHER_CLI=path/to/cli.js adds another build (e.g. the previous release) to the same run.
    ...(process.env.BENCH_OTHER_CLI ? [{ ...routecraft(`  other build (${process.env.BENCH_OTHER_CLI})`, {}), args: [process.env.BENCH_OTHER_CLI, 'endpoint', '--spec', spec, '--project', project] }] : []),
    { label: 'nest g resource gadgets --dry-run', command: node, args: [nest, 'g', 'resource', 'gadgets', '--dry-run'], cwd: project, expect: /Dry run enabled/ },
    { label: 'tsc --noEmit (whole project)', command: node, args: [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], cwd: project },
  ];
  console.log(`cold CLI on the nestjs-jest fixture, Node ${version}, ${RUNS} rounds after a warm-up (interleaved) …`);
  const samples = interleave(commands, RUNS, (round) => process.stdout.write(round === 0 ? 'warm-up done' : ` ${round}`));
  process.stdout.write('\n');
  console.log('| command | wall median | CPU median | peak RSS | wall vs nest g | wall vs tsc | CPU vs nest g | CPU vs tsc |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const nestSamples = samples[commands.length - 2]!;
  const tscSamples = samples[commands.length - 1]!;
  commands.forEach((c, i) => {
    const mine: ProcessSample[] = samples[i]!;
    const m = summarize(mine);
    const ratios = [pairedRatio(mine, nestSamples, 'wallMs'), pairedRatio(mine, tscSamples, 'wallMs'), pairedRatio(mine, nestSamples, 'cpuMs'), pairedRatio(mine, tscSamples, 'cpuMs')];
    console.log(`| ${c.label} | ${s(m.wallMs)} | ${s(m.cpuMs)} | ${mib(m.peakMiB)} | ${ratios.map(x).join(' | ')} |`);
  });
  rmSync(project, { recursive: true, force: true });
}

main();
