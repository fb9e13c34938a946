// Issue-3 figures (npm run bench): for a spec already in hand, the time from answer to a type-checked
// ChangeSet on a fixture project and on a generated large project (2,000+ files), beside a full
// `tsc --noEmit` of that large project. Medians and p95 over N runs; nothing is written.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateEndpoint } from '../src/core/endpoint/generateEndpoint';
import { loadSpecFile } from '../src/core/endpointSpec/inputs/loadSpecFile';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = join(__dirname, '..');
const fixtures = join(root, 'test', 'fixtures');

function copyFixture(name: string, target: string): string {
  const dir = join(fixtures, '.work', target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(fixtures, name), dir, { recursive: true, filter: (src) => !src.includes(`${name}/node_modules`) });
  symlinkSync(join(fixtures, name, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** 2,000 modules in groups of ten that import only each other: a big repo the change never touches. */
function growProject(dir: string, files: number): void {
  for (let i = 0; i < files; i++) {
    const group = Math.floor(i / 10);
    const folder = join(dir, 'src', 'modules', `group${group}`);
    mkdirSync(folder, { recursive: true });
    const imports = i % 10 === 0 ? '' : `import { value${i - 1} } from './m${i - 1}.js'\n`;
    const uses = i % 10 === 0 ? '1' : `value${i - 1} + 1`;
    writeFileSync(join(folder, `m${i}.ts`), `${imports}export const value${i}: number = ${uses}\nexport function describe${i}(n: number): string {\n  return \`m${i}: \${n * value${i}}\`\n}\n`);
  }
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (n=${s.length})`;
}

async function measure(label: string, dir: string): Promise<void> {
  const { spec } = await loadSpecFile(join(root, 'docs', 'spec-examples', 'products-crud.yaml'));
  const samples: number[] = [];
  let files = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = await generateEndpoint({ root: dir, spec });
    samples.push(performance.now() - started);
    if (result.kind !== 'ok') {
      throw new Error(`${label}: ${result.kind}`);
    }
    files = result.changeSet.files.length;
  }
  console.log(`spec → type-checked ChangeSet (${files} files), ${label}: ${stats(samples)}`);
}

async function main(): Promise<void> {
  const small = copyFixture('express5-vitest', 'bench-small');
  await measure('express5-vitest fixture (~10 files)', small);
  const large = copyFixture('express5-vitest', 'bench-large');
  growProject(large, 2000);
  await measure('same project + 2,000 modules', large);
  const tsc: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: large, encoding: 'utf8' });
    tsc.push(performance.now() - started);
    if (run.status !== 0) {
      throw new Error(`tsc failed on the large project: ${run.stdout}`);
    }
  }
  console.log(`full tsc --noEmit of the 2,000-module project: ${stats(tsc)}`);
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}

void main();
