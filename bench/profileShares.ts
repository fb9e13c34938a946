// Where a CLI run's time goes, by source: node --import tsx bench/profileShares.ts PROFILE.cpuprofile [TOP]
// Reads a V8 CPU profile of `node --cpu-prof dist/cli.js …`, maps every frame of the minified
// bundles back to its source through their source maps (dist/*.js.map), and prints self time per
// package / source folder and inclusive time of the heaviest source functions. The profiler samples
// wall time: on a loaded machine only the proportions mean something.
import { existsSync, readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const maps = new Map<string, TraceMap | undefined>();

function mapOf(url: string): TraceMap | undefined {
  if (!maps.has(url)) {
    const file = `${url.replace(/^file:\/\//, '')}.map`;
    maps.set(url, url.endsWith('.js') && existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : undefined);
  }
  return maps.get(url);
}

/** The frame's source file and function name (the bundle's own position when it has no map). */
export function sourceOf(frame: CallFrame): { readonly file: string; readonly name: string } {
  const map = mapOf(frame.url);
  const original = map === undefined ? undefined : originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  if (original?.source === undefined || original.source === null) {
    return { file: frame.url === '' ? `(${frame.functionName || 'vm'})` : frame.url.replace(/^.*\//, ''), name: frame.functionName || '(anonymous)' };
  }
  return { file: original.source.replace(/^(\.\.\/)+/, ''), name: original.name ?? (frame.functionName || '(anonymous)') };
}

/** The bucket a source file's time goes to: a package under node_modules, else its source folder. */
export function bucketOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg !== undefined && pkg !== null) {
    return pkg[1]!;
  }
  return file.startsWith('src/') ? file.split('/').slice(0, 3).join('/') : file;
}

function main(): void {
  const [path, top = '25'] = process.argv.slice(2);
  if (path === undefined) {
    console.error('usage: node --import tsx bench/profileShares.ts PROFILE.cpuprofile [TOP]');
    process.exitCode = 2;
    return;
  }
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach((n) => n.children?.forEach((c) => parent.set(c, n.id)));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const buckets = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const own = sourceOf(byId.get(id)!.callFrame);
    buckets.set(bucketOf(own.file), (buckets.get(bucketOf(own.file)) ?? 0) + time);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const source = sourceOf(byId.get(cur)!.callFrame);
      const key = `${source.name} (${source.file})`;
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + time);
      }
    }
  }
  const pct = (t: number): string => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
  console.log(`${(total / 1000).toFixed(0)} ms sampled\n\nself time by package / source folder:`);
  [...buckets].sort((a, b) => b[1] - a[1]).slice(0, Number(top)).forEach(([k, t]) => console.log(`${pct(t)}  ${k}`));
  console.log('\ninclusive time by source function:');
  [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(top) * 2).forEach(([k, t]) => console.log(`${pct(t)}  ${k}`));
}

main();
