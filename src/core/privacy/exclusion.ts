import path from 'node:path';
import ignore from 'ignore';
import { RoutecraftError } from '../errors';
import { createNodeProjectFs } from '../project/nodeProjectFs';
import type { ProjectFs } from '../project/projectFs';

/** The file, at the workspace root, that lists what never goes to the model (gitignore syntax). */
export const IGNORE_FILE_NAME = '.routecraftignore';

/**
 * Excluded unless `.routecraftignore` says otherwise (a later `!pattern` line re-includes).
 * Env files (their `.example`/`.sample`/`.template` variants are re-included: they document keys,
 * and any value in them is still redacted), key material and certificates, keystores, cloud and
 * registry credential files, Terraform state and variables, password databases.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '.env',
  '.env.*',
  '!.env.example',
  '!.env.sample',
  '!.env.template',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  '*.crt',
  '*.cer',
  '*.der',
  '*.keystore',
  '*.jks',
  '*.kdbx',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  'credentials.json',
  'client_secret*.json',
  'service-account*.json',
  '*-credentials.json',
  'secrets.json',
  'secrets.yml',
  'secrets.yaml',
  '.aws/credentials',
  '.docker/config.json',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '.git-credentials',
  '.htpasswd',
  '*.tfstate',
  '*.tfstate.*',
  '*.tfvars',
];

/** Options of {@link createExclusion}. */
export interface ExclusionOptions {
  /** Workspace root; absolute paths under it are accepted by `isExcluded`. */
  readonly rootDir: string;
  /** Content of `.routecraftignore`, applied after the defaults (so it can re-include with `!`). */
  readonly ignoreFileText?: string;
  /** More patterns (from settings), applied last. */
  readonly extra?: readonly string[];
  /** Start from {@link DEFAULT_EXCLUDES} (default `true`). */
  readonly useDefaults?: boolean;
}

/** Decides which workspace files are never read into a prompt. */
export interface Exclusion {
  readonly rootDir: string;
  /**
   * Whether a file is excluded. `filePath` is relative to the root (either slash) or absolute under
   * it. Paths outside the root are not this exclusion's business: `false`.
   */
  isExcluded(filePath: string): boolean;
  /** The paths among `filePaths` that are excluded, in order. */
  excludedAmong(filePaths: readonly string[]): string[];
}

/** An exclusion from defaults, `.routecraftignore` text and extra patterns (gitignore semantics). */
export function createExclusion(options: ExclusionOptions): Exclusion {
  const matcher = ignore({ allowRelativePaths: false });
  if (options.useDefaults !== false) {
    matcher.add([...DEFAULT_EXCLUDES]);
  }
  if (options.ignoreFileText !== undefined) {
    matcher.add(options.ignoreFileText);
  }
  matcher.add([...(options.extra ?? [])]);
  const rootDir = options.rootDir;
  const isExcluded = (filePath: string): boolean => {
    const relative = toRelative(rootDir, filePath);
    return relative !== undefined && matcher.ignores(relative);
  };
  return { rootDir, isExcluded, excludedAmong: (paths) => paths.filter(isExcluded) };
}

function toRelative(rootDir: string, filePath: string): string | undefined {
  const slashed = filePath.replace(/\\/g, '/');
  const relative = path.isAbsolute(filePath) || /^[A-Za-z]:\//.test(slashed)
    ? path.relative(rootDir, filePath).replace(/\\/g, '/')
    : path.posix.normalize(slashed).replace(/^(?:\.\/)+/, '');
  if (relative === '' || relative === '.' || relative.startsWith('../') || relative === '..' || !ignore.isPathValid(relative)) {
    return undefined;
  }
  return relative;
}

/**
 * The exclusion for a workspace: defaults plus `<rootDir>/.routecraftignore` when present.
 * A missing file is fine; an unreadable one is an error (silently sending files the user meant to
 * exclude would be worse). `fs` reads the workspace (default: the folder on disk).
 */
export async function loadExclusion(rootDir: string, extra: readonly string[] = [], fs: ProjectFs = createNodeProjectFs(rootDir)): Promise<Exclusion> {
  let ignoreFileText: string | undefined;
  try {
    ignoreFileText = await fs.readFile(IGNORE_FILE_NAME);
  } catch (error) {
    if (!(error instanceof RoutecraftError && error.code === 'file-not-found')) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RoutecraftError('file-not-found', `Could not read ${IGNORE_FILE_NAME} in ${rootDir}: ${reason}`);
    }
  }
  return createExclusion({ rootDir, extra, ...(ignoreFileText === undefined ? {} : { ignoreFileText }) });
}
