import { maskCode } from './codeScan';
import { DEFAULT_IGNORED_DIRS, type ProjectFs } from './projectFs';

/** A file read for detection (possibly truncated: only its beginning matters). */
export interface SampledFile {
  readonly path: string;
  readonly text: string;
  /** The text with comments removed and string contents masked (see `maskCode`), for code signals. */
  readonly code: string;
}

/** What one bounded walk of the project found and which files were read. */
export interface ProjectSample {
  /** Every TypeScript file the walk listed (not read), root-relative. */
  readonly listed: readonly string[];
  readonly tests: readonly string[];
  /** Non-test sources that were read, most telling first. */
  readonly sources: readonly SampledFile[];
  /** Test files that were read. */
  readonly testTexts: readonly SampledFile[];
}

/** Bounds that keep detection cheap on a large repository. */
export const SAMPLE_LIMITS = { sourceDirs: 45, otherDirs: 20, maxListed: 3000, maxSources: 36, maxTests: 6, maxChars: 40_000 } as const;

const TEST_FILE = /(?:\.|-)(?:test|spec|e2e-spec)\.[cm]?tsx?$/;
const TEST_DIR = /(?:^|\/)(?:test|tests|__tests__|e2e)\//;

/** Whether a path names a test file (`*.test.ts`, `*.spec.ts`, `*.e2e-spec.ts`, or under a test folder). */
export function isTestPath(file: string): boolean {
  return TEST_FILE.test(file) || TEST_DIR.test(file);
}

/** Higher is read first: entry points, then route-like names, then shallow files. */
function sourceRank(file: string): number {
  const name = file.slice(file.lastIndexOf('/') + 1);
  let rank = 0;
  if (/^(?:main|app|server|index)\.[cm]?ts$/.test(name)) {
    rank += 40;
  }
  if (/\.module\.ts$/.test(name)) {
    rank += 15;
  }
  if (/rout|controller|handler|endpoint|api/i.test(file)) {
    rank += 20;
  }
  return rank - 3 * file.split('/').length;
}

async function readSome(fs: ProjectFs, files: readonly string[]): Promise<SampledFile[]> {
  const read: SampledFile[] = [];
  for (const file of files) {
    const text = (await fs.readFile(file)).slice(0, SAMPLE_LIMITS.maxChars);
    read.push({ path: file, text, code: maskCode(text).code });
  }
  return read;
}

/**
 * Lists the project's TypeScript files breadth first within {@link SAMPLE_LIMITS} (dependencies,
 * build output and VCS folders skipped) and reads the few that tell the most.
 */
export async function sampleProject(fs: ProjectFs, sourceDir: string): Promise<ProjectSample> {
  const pattern = '**/*.{ts,mts,cts}';
  // The source folder gets its own budget, so a wide test/ folder cannot starve it (and vice versa).
  const inSourceDir = sourceDir === '.' ? [] : await fs.glob(`${sourceDir}/${pattern}`, { limit: SAMPLE_LIMITS.maxListed, maxDirs: SAMPLE_LIMITS.sourceDirs });
  const sourceTop = sourceDir.split('/')[0] ?? '';
  const elsewhere = await fs.glob(pattern, {
    limit: SAMPLE_LIMITS.maxListed,
    maxDirs: sourceDir === '.' ? SAMPLE_LIMITS.sourceDirs + SAMPLE_LIMITS.otherDirs : SAMPLE_LIMITS.otherDirs,
    ignoreDirs: sourceDir === '.' ? DEFAULT_IGNORED_DIRS : [...DEFAULT_IGNORED_DIRS, sourceTop],
  });
  const listed = [...inSourceDir, ...elsewhere].filter((file) => !/\.d\.[cm]?ts$/.test(file));
  const tests = listed.filter(isTestPath);
  const inSource = (file: string): boolean => sourceDir === '.' || file.startsWith(`${sourceDir}/`);
  const sources = listed
    .filter((file) => !isTestPath(file) && inSource(file))
    .map((file, order) => ({ file, order, rank: sourceRank(file) }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, SAMPLE_LIMITS.maxSources)
    .map(({ file }) => file);
  return {
    listed,
    tests,
    sources: await readSome(fs, sources),
    testTexts: await readSome(fs, tests.slice(0, SAMPLE_LIMITS.maxTests)),
  };
}
