// Issue-9 figures for the editor's warm path (npm run bench; node --expose-gc --import tsx bench/warm.ts):
// Generate Endpoint from an answer in hand (a spec: what the model answered) to the type-checked
// ChangeSet the review shows, through the same core the editor runs (generateEndpoint with the
// folder's ProjectModel; the editor adapter only feeds it file and editor events). On copies of the
// express5-vitest fixture grown to BENCH_SIZES modules (default 1,000 and 5,000): the first request
// of a model (cold) and the following ones (warm, a different resource each time, as a person
// adds one resource after another), medians of wall and CPU time, and the memory held afterwards.
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateEndpoint } from '../src/core/endpoint/generateEndpoint';
import type { EndpointSpec } from '../src/core/endpointSpec/endpointSpec';
import { loadSpecFile } from '../src/core/endpointSpec/inputs/loadSpecFile';
import { ProjectModel } from '../src/core/projectModel/projectModel';

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const root = join(__dirname, '..');
const fixtures = join(root, 'test', 'fixtures');

/** A copy of express5-vitest with `modules` more modules in feature folders of ten that import each other. */
function project(modules: number): string {
  const dir = join(fixtures, '.work', `bench-warm-${String(modules)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(fixtures, 'express5-vitest'), dir, { recursive: true, filter: (src) => !src.includes('express5-vitest/node_modules') });
  symlinkSync(join(fixtures, 'express5-vitest', 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (let i = 0; i < modules; i++) {
    const folder = join(dir, 'src', 'features', `feature${String(Math.floor(i / 10))}`);
    mkdirSync(folder, { recursive: true });
    const dep = i % 10 === 0 ? undefined : i - 1;
    const imports = dep === undefined ? '' : `import { type Item${String(dep)}, make${String(dep)} } from './m${String(dep)}.js'\n\n`;
    writeFileSync(join(folder, `m${String(i)}.ts`), `${imports}export interface Item${String(i)} {\n  id: string\n  count: number${dep === undefined ? '' : `\n  parent?: Item${String(dep)}`}\n}\n\nexport function make${String(i)}(id: string): Item${String(i)} {\n  return { id, count: ${String(i)}${dep === undefined ? '' : `, parent: make${String(dep)}(id)`} }\n}\n`);
  }
  return dir;
}

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const cpuNow = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function request(dir: string, spec: EndpointSpec, model: ProjectModel): Promise<Sample> {
  const wall = performance.now();
  const cpu = cpuNow();
  model.beginRequest();
  const result = await generateEndpoint({ root: dir, spec, model });
  model.endRequest();
  const sample = { wallMs: performance.now() - wall, cpuMs: cpuNow() - cpu };
  if (result.kind !== 'ok' || result.changeSet.files.some((f) => (f.diagnostics ?? []).some((d) => d.category === 'error'))) {
    throw new Error(`bench request failed: ${result.kind}`);
  }
  return sample;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ms = (v: number): string => `${v.toFixed(0)} ms`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const specs = await Promise.all(['products-crud.yaml', 'user-registration.yaml', 'every-feature.json'].map(async (name) => (await loadSpecFile(join(root, 'docs', 'spec-examples', name))).spec));
  console.log(`warm editor path: answer → type-checked ChangeSet, Node ${process.version}, ${String(COLD_RUNS)} cold and ${String(WARM_RUNS)} warm requests per size${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for heap figures)'}`);
  console.log('| project | cold wall (1st request) | cold CPU | warm wall (2nd+ request) | warm CPU | warm p-max | heap held by the model | RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const size of SIZES) {
    const dir = project(size);
    try {
      const heapBefore = heapAfterGc();
      const cold: Sample[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        cold.push(await request(dir, specs[i % specs.length]!, new ProjectModel(dir)));
      }
      const model = new ProjectModel(dir);
      await request(dir, specs[0]!, model);
      const warm: Sample[] = [];
      for (let i = 1; i <= WARM_RUNS; i++) {
        warm.push(await request(dir, specs[i % specs.length]!, model));
      }
      const held = heapAfterGc() - heapBefore;
      console.log(`| express5-vitest + ${String(size)} modules | ${ms(median(cold.map((s) => s.wallMs)))} | ${ms(median(cold.map((s) => s.cpuMs)))} | ${ms(median(warm.map((s) => s.wallMs)))} | ${ms(median(warm.map((s) => s.cpuMs)))} | ${ms(Math.max(...warm.map((s) => s.wallMs)))} | ${mib(held)} (${(model.chars / 1e6).toFixed(1)} M chars parsed) | ${mib(process.memoryUsage().rss)} |`);
      model.clear();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

void main();
