import path from 'node:path';
import { asRecord, parseJsonc } from './jsonc';
import type { WorkspaceFacts } from './projectFacts';
import type { ProjectFs } from './projectFs';
import { readConfiguredStyle, type ConfiguredStyle } from './styleConfig';
import { prefixedFs, type PackageContext } from './workspacePackageJson';

/**
 * The formatter config for a monorepo package: its own when it has one (.prettierrc,
 * .editorconfig, package.json `prettier`), else the workspace root's (sources named from there).
 */
export async function workspaceStyle(fs: ProjectFs, context: PackageContext, own: ConfiguredStyle): Promise<ConfiguredStyle> {
  const workspace = context.workspace;
  if (own.sources.length > 0 || !workspace || workspace.dir === '.' || !context.rootPkg) {
    return own;
  }
  const rootFs = prefixedFs(fs, workspace.dir);
  const names = new Set((await rootFs.readdir('.')).map((entry) => entry.name));
  const fromRoot = await readConfiguredStyle(rootFs, context.rootPkg, names);
  return { ...fromRoot, sources: fromRoot.sources.map((source) => `${workspace.dir}/${source}`) };
}

/** The `workspace` fact: present only for a package inside a monorepo (not for the root itself). */
export function workspaceFacts(root: string, context: PackageContext): { workspace?: WorkspaceFacts } {
  const workspace = context.workspace;
  if (!workspace || workspace.dir === '.') {
    return {};
  }
  return {
    workspace: {
      root: path.resolve(root, workspace.dir),
      kinds: workspace.kinds,
      evidence: workspace.evidence,
      ownPackageJson: context.ownManifest,
    },
  };
}

/**
 * The tsconfig files detection reads, first wins: tsconfig.json, unless it is a solution file
 * (`"files": []` with `references`, as Nx and Vite write) and tsconfig.app.json holds the app's options.
 */
export async function tsconfigNames(fs: ProjectFs, rootNames: ReadonlySet<string>): Promise<string[]> {
  const names = ['tsconfig.json', 'tsconfig.app.json'].filter((name) => rootNames.has(name));
  if (names.length < 2) {
    return names;
  }
  const config = asRecord(parseJsonc(await fs.readFile('tsconfig.json')));
  const solution = Array.isArray(config?.files) && config.files.length === 0 && Array.isArray(config.references);
  return solution ? ['tsconfig.app.json', 'tsconfig.json'] : names;
}

/** A tsconfig `rootDir` usable as the package's source folder: inside the package, not `.`. */
export function packageRootDir(rootDir: string | undefined): string | undefined {
  return rootDir === undefined || rootDir === '.' || rootDir === '..' || rootDir.startsWith('../') ? undefined : rootDir;
}
