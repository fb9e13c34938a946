// The corpus runner: npm run corpus -- [--cli PATH] [--keep] [--out DIR] [ID_OR_ENTRY_FILE...]
// Per project: export the pinned commit, install, baseline tsc + tests, apply corpus/specs with the
// CLI, tsc + tests again, apply again (nothing may change). One row per project on stdout, a JSON
// result per project in --out, and the table in docs/real-world.md regenerated. See docs/real-world.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleRow, corpusList, markdownTable, replaceBetweenMarkers } from './format';
import { runProject } from './runProject';
import { CorpusEntrySchema, type CorpusEntry, type ProjectResult } from './types';

const SCRIPT_REPO = resolve(import.meta.dirname, '..', '..');

const usage = `Usage: npm run corpus -- [options] [ID_OR_ENTRY_FILE...]
  (or: node --import tsx scripts/corpus/run.ts [options] ...)

Runs every entry of corpus/projects/ when no id or entry file is given.
  --cli PATH          the CLI to test (default: ${join(SCRIPT_REPO, 'dist', 'cli.js')}; build it with node esbuild.mjs)
  --out DIR           where <id>.json results go (default: corpus/results of the current repository)
  --docs FILE         the document whose table is regenerated (default: docs/real-world.md; --no-docs skips)
  --mirror DIR        the fetch mirrors (default: /work/.mirror)
  --specs DIR         the specs, applied in file-name order (default: corpus/specs beside the script)
  --table-only        run nothing: regenerate the docs from the results already in --out
  --keep              keep each project's temp dir (printed) for a look afterwards
  --test-timeout S    seconds per test command (default 300); --install-timeout S (default 900)`;

interface Args {
  readonly cli: string;
  readonly out: string;
  readonly docs?: string;
  readonly mirror: string;
  readonly specs: string;
  readonly keep: boolean;
  readonly tableOnly: boolean;
  readonly testTimeout: number;
  readonly installTimeout: number;
  readonly targets: readonly string[];
  readonly root: string;
}

function parse(argv: readonly string[]): Args | undefined {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      cli: { type: 'string' },
      out: { type: 'string' },
      docs: { type: 'string' },
      'no-docs': { type: 'boolean' },
      mirror: { type: 'string' },
      specs: { type: 'string' },
      keep: { type: 'boolean' },
      'table-only': { type: 'boolean' },
      'test-timeout': { type: 'string' },
      'install-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    return undefined;
  }
  // The repository whose corpus/ is read and written: the current one when it has a corpus/ folder.
  const root = existsSync(join(process.cwd(), 'corpus', 'projects')) ? process.cwd() : SCRIPT_REPO;
  const docs = values['no-docs'] === true ? undefined : resolve(values.docs ?? join(root, 'docs', 'real-world.md'));
  return {
    cli: resolve(values.cli ?? join(SCRIPT_REPO, 'dist', 'cli.js')),
    out: resolve(values.out ?? join(root, 'corpus', 'results')),
    ...(docs === undefined ? {} : { docs }),
    mirror: resolve(values.mirror ?? '/work/.mirror'),
    specs: resolve(values.specs ?? join(SCRIPT_REPO, 'corpus', 'specs')),
    keep: values.keep === true,
    tableOnly: values['table-only'] === true,
    testTimeout: Number(values['test-timeout'] ?? 300),
    installTimeout: Number(values['install-timeout'] ?? 900),
    targets: positionals,
    root,
  };
}

/** Reads and validates one entry file; throws naming the file and the first problem. */
function loadEntry(path: string): CorpusEntry {
  const parsed = CorpusEntrySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid entry'}`);
  }
  return parsed.data;
}

function entryFiles(root: string, targets: readonly string[]): string[] {
  const projects = join(root, 'corpus', 'projects');
  if (targets.length === 0) {
    return existsSync(projects) ? readdirSync(projects).filter((f) => f.endsWith('.json')).sort().map((f) => join(projects, f)) : [];
  }
  return targets.map((target) => (target.endsWith('.json') || target.includes('/') ? resolve(target) : join(projects, `${target}.json`)));
}

function specFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));
}

/** Every result in `out`, ordered by id; results written before a field existed get its empty value. */
function readResults(out: string): ProjectResult[] {
  return readdirSync(out)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as ProjectResult)
    .map((r) => (r.generatedTests === undefined ? r : { ...r, generatedTests: { ...r.generatedTests, notRun: r.generatedTests.notRun ?? [] } }));
}

function updateDocs(docs: string, root: string, out: string, ran: readonly CorpusEntry[]): void {
  if (!existsSync(docs)) {
    console.log(`(no ${docs}; table not written)`);
    return;
  }
  const projects = join(root, 'corpus', 'projects');
  const known = existsSync(projects) ? readdirSync(projects).filter((f) => f.endsWith('.json')).map((f) => loadEntry(join(projects, f))) : [];
  const entries = [...known, ...ran.filter((e) => !known.some((k) => k.id === e.id))].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(entries.map((e) => e.id));
  let text = readFileSync(docs, 'utf8');
  text = replaceBetweenMarkers(text, 'list', corpusList(entries));
  text = replaceBetweenMarkers(text, 'table', markdownTable(readResults(out).filter((r) => ids.has(r.id))));
  writeFileSync(docs, text);
  console.log(`table written to ${docs}`);
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args === undefined) {
    console.log(usage);
    return 0;
  }
  if (args.tableOnly) {
    updateDocs(args.docs ?? join(args.root, 'docs', 'real-world.md'), args.root, args.out, []);
    return 0;
  }
  if (!existsSync(args.cli)) {
    console.error(`corpus: no CLI at ${args.cli}; build it with "node esbuild.mjs" or pass --cli.`);
    return 2;
  }
  // An outer `npm run` passes its npm_* configuration on; the projects' own npm must not inherit it.
  for (const key of Object.keys(process.env).filter((k) => /^npm_/i.test(k))) {
    Reflect.deleteProperty(process.env, key);
  }
  const entries = entryFiles(args.root, args.targets).map(loadEntry);
  if (entries.length === 0) {
    console.error('corpus: no entries (corpus/projects/*.json) and none given.');
    return 2;
  }
  mkdirSync(args.out, { recursive: true });
  const specs = specFiles(args.specs);
  // The commit the CLI was built from (its repository's HEAD; uncommitted changes are not seen).
  const cliCommit = spawnSync('git', ['-C', dirname(args.cli), 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || undefined;
  const results: ProjectResult[] = [];
  for (const entry of entries) {
    console.error(`${entry.id} (${entry.repo}@${entry.commit.slice(0, 12)})`);
    const result = await runProject(entry, {
      cli: args.cli,
      cliCommit,
      specs,
      mirrorRoot: args.mirror,
      nodeReporter: join(SCRIPT_REPO, 'scripts', 'corpus', 'nodeTestReporter.mjs'),
      timeouts: { install: args.installTimeout * 1000, tsc: 300_000, tests: args.testTimeout * 1000, cli: 300_000 },
      keep: args.keep,
      log: (line) => console.error(line),
    });
    writeFileSync(join(args.out, `${entry.id}.json`), `${JSON.stringify(result, null, 2)}\n`);
    results.push(result);
    console.log(consoleRow(result));
  }
  if (args.docs !== undefined) {
    updateDocs(args.docs, args.root, args.out, entries);
  }
  return results.every((r) => r.clean) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
