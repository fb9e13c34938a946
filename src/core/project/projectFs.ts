/** One entry of a directory listing. */
export interface ProjectDirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Limits of {@link ProjectFs.glob}: detection must stay cheap even on a large repository. */
export interface GlobOptions {
  /** Stop after this many matches (default 2000). */
  readonly limit?: number;
  /** Visit at most this many directories, breadth first (default 200). */
  readonly maxDirs?: number;
  /** Directory names never entered (default: node_modules, .git, dist, build, coverage, out, ...). */
  readonly ignoreDirs?: readonly string[];
}

/**
 * Read-only access to a project, addressed by POSIX paths relative to the project root
 * (`src/app.ts`; `..` reaches a parent, e.g. a monorepo's lockfile). Implemented over node:fs
 * (`createNodeProjectFs`) and in memory (`createMemoryProjectFs`) so detection runs the same on a
 * real folder and in tests.
 */
export interface ProjectFs {
  /** The file's text; rejects with a RoutecraftError('file-not-found') when it does not exist. */
  readFile(path: string): Promise<string>;
  /** Whether a file or directory exists at `path`. */
  exists(path: string): Promise<boolean>;
  /** The directory's entries (files and directories); empty when it does not exist. */
  readdir(path: string): Promise<readonly ProjectDirEntry[]>;
  /**
   * Files matching a small glob (`*`, `?`, `**`, `{a,b}`), breadth first, within the limits;
   * results are root-relative paths in the order found.
   */
  glob(pattern: string, options?: GlobOptions): Promise<readonly string[]>;
}

/**
 * The synchronous view of the same project, for the deterministic generators (and the few
 * synchronous readers around them): paths relative to the project root, `/`-separated. Created only
 * by the ProjectFs implementation modules (`createNodeProjectFiles`, `createMemoryProjectFiles`), so
 * a generator never touches node:fs and tests hand it files in memory.
 */
export interface ProjectFiles {
  /** The file's text, or undefined when it does not exist (or is a directory). */
  read(path: string): string | undefined;
  /** Whether a file or directory exists at `path`. */
  exists(path: string): boolean;
  /**
   * The entries of a folder (names only, folders ending in `/`), or `[]` when it does not exist.
   * Optional: generators that learn the project's layout from its folders (Fastify's autoload) use it.
   */
  list?(dir: string): readonly string[];
}

/** What the implementations of {@link ProjectFiles} give: listings and a file test too. */
export interface ProjectFileReader extends ProjectFiles {
  list(dir: string): readonly string[];
  /** Whether `path` is a regular file (not a directory, not missing). */
  isFile(path: string): boolean;
}

/** Directories {@link ProjectFs.glob} skips unless told otherwise. */
export const DEFAULT_IGNORED_DIRS: readonly string[] = [
  'node_modules', '.git', 'dist', 'build', 'coverage', 'out', '.next', '.turbo', '.cache', '.vscode-test', 'tmp',
];
