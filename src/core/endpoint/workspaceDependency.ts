import type { FileChange } from '../changes/changeSet';
import type { ProjectFacts } from '../project/projectFacts';

const IMPORTS_ZOD = /(?:from\s+|require\(\s*)['"]zod(?:\/[^'"]*)?['"]/;

/**
 * A monorepo package without its own package.json (an Nx project) takes its dependencies from the
 * workspace root's, which lies outside the package and is never written: when the generated code
 * imports zod and the root does not list it, the one sentence that says where to add it
 * (Generate Endpoint then refuses and writes nothing); undefined otherwise.
 */
export function missingWorkspaceDependency(facts: ProjectFacts, files: readonly Pick<FileChange, 'after'>[]): string | undefined {
  const workspace = facts.workspace;
  if (facts.zod || !workspace || workspace.ownPackageJson || !files.some((file) => IMPORTS_ZOD.test(file.after))) {
    return undefined;
  }
  return `The generated code imports zod, which ${workspace.root}/package.json does not list and this package has no package.json of its own: add zod there (\`${facts.packageManager} add zod\` in ${workspace.root}), then run again; nothing was written.`;
}
