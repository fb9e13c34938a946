// Cost of type-checking a change set (node --import tsx bench/typecheck.ts):
// - typeCheckChangeSet on 3 touched files in (a) a small project and (b) a generated project of
//   BENCH_FILES (default 2,000) modules where the touched files import only a few others;
// - a whole-program check of the same large project for comparison: ts-morph
//   getPreEmitDiagnostics over every file of the tsconfig, and the real `tsc --noEmit -p`.
// The scoped check should cost about the same in (a) and (b): it follows the files touched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from 'ts-morph';
import type { ChangeSet } from '../src/core/changes/changeSet';
import { typeCheckChangeSet } from '../src/core/changes/typeCheckChangeSet';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);

function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function timed(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(label: string, runs: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await timed(fn));
  }
  const m = median(samples);
  console.log(`${label}: median ${m.toFixed(0)} ms (n=${runs}; first ${samples[0]!.toFixed(0)} ms, min ${Math.min(...samples).toFixed(0)} ms)`);
  return m;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Modules import each other only inside groups of this size, as feature folders do. */
const GROUP = 10;

/** A module with a few types and functions, importing the two modules before it in its group. */
function moduleText(i: number): string {
  const deps = [i - 1, i - 2].filter((j) => j >= i - (i % GROUP));
  const imports = deps.map((j) => `import { type Entity${j}, make${j} } from './m${j}.js';`);
  const uses = deps.map((j) => `  readonly dep${j}?: Entity${j};`);
  return [
    ...imports,
    '',
    `export interface Entity${i} {`,
    `  readonly id: string;`,
    `  readonly count: number;`,
    `  readonly tags: readonly string[];`,
    ...uses,
    '}',
    '',
    `export function make${i}(id: string, count = ${i}): Entity${i} {`,
    `  return { id, count, tags: [id.toUpperCase(), String(count)] };`,
    '}',
    '',
    `export class Repo${i} {`,
    `  readonly #items = new Map<string, Entity${i}>();`,
    `  add(item: Entity${i}): void {`,
    `    this.#items.set(item.id, item);`,
    '  }',
    `  find(id: string): Entity${i} | undefined {`,
    `    return this.#items.get(id);`,
    '  }',
    `  total(): number {`,
    `    return [...this.#items.values()].reduce((sum, item) => sum + item.count, 0);`,
    '  }',
    '}',
    ...(deps.length > 0 ? ['', `export const sample${i} = make${deps[0]!}('x');`] : []),
    '',
  ].join('\n');
}

function createProject(files: number): string {
  const root = mkdtempSync(join(tmpdir(), `routecraft-bench-tc-${files}-`));
  write(root, 'package.json', JSON.stringify({ name: 'bench', type: 'module' }));
  write(root, 'tsconfig.json', JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true, noEmit: true },
    include: ['src'],
  }));
  for (let i = 0; i < files; i++) {
    write(root, `src/modules/m${i}.ts`, moduleText(i));
  }
  return root;
}

/** Three touched files: a new route, its schema, and an edit to an existing module. */
function changeSet(root: string, files: number): ChangeSet {
  const a = Math.floor(files / 2);
  const b = files - 1;
  return {
    root,
    summary: 'bench',
    files: [
      {
        path: 'src/routes/widgets.ts',
        before: undefined,
        after: `import { make${a}, Repo${a} } from '../modules/m${a}.js';\nimport { schema } from './widgetSchema.js';\nexport const repo = new Repo${a}();\nrepo.add(make${a}(schema.id));\nexport const total: number = repo.total();\n`,
      },
      { path: 'src/routes/widgetSchema.ts', before: undefined, after: `import { type Entity${b} } from '../modules/m${b}.js';\nexport const schema = { id: 'w1' };\nexport type Widget = Entity${b};\n` },
      { path: 'src/modules/m3.ts', before: moduleText(3), after: `${moduleText(3)}export const broken: number = 'x';\n` },
    ],
  };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}; scoped runs ${RUNS}, whole-program runs ${FULL_RUNS}`);
  const small = createProject(5);
  const large = createProject(FILES);
  try {
    const smallSet = changeSet(small, 5);
    const largeSet = changeSet(large, FILES);
    const checked = await typeCheckChangeSet(largeSet);
    const errors = checked.files.flatMap((f) => (f.diagnostics ?? []).map((d) => `${f.path}:${d.line} TS${d.code}`));
    console.log(`scoped check finds: ${errors.join(', ')}`);
    await measure('(a) typeCheckChangeSet, 3 files, 5-file project', RUNS, () => typeCheckChangeSet(smallSet));
    await measure(`(b) typeCheckChangeSet, 3 files, ${FILES}-file project`, RUNS, () => typeCheckChangeSet(largeSet));
    await measure(`(c) ts-morph getPreEmitDiagnostics, whole ${FILES}-file project`, FULL_RUNS, () => {
      new Project({ tsConfigFilePath: join(large, 'tsconfig.json') }).getPreEmitDiagnostics();
    });
    const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
    await measure(`(d) tsc --noEmit -p, whole ${FILES}-file project`, FULL_RUNS, () => {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', large], { stdio: 'ignore' });
    });
  } finally {
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

void main();
