import { ts } from 'ts-morph';
import type { FileChange } from '../changes/changeSet';
import { addDependencyChange } from '../project/addDependencyChange';
import type { ProjectFacts } from '../project/projectFacts';
import type { ProjectFiles } from '../project/projectFs';
import { zodVersionForTypeScript } from '../project/zodVersionForTypeScript';

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Whether a file imports zod: `zod` itself or one of its subpaths (`zod/v4`, `zod/mini`). */
function importsZod(file: FileChange): boolean {
  if (!SCRIPT.test(file.path)) {
    return false;
  }
  const { importedFiles } = ts.preProcessFile(file.after, true, false);
  return importedFiles.some((i) => i.fileName === 'zod' || i.fileName.startsWith('zod/'));
}

/** What adding zod to a project takes: the package.json change and the one note that says so. */
export interface ZodDependency {
  readonly change: FileChange;
  readonly note: string;
}

/**
 * package.json with zod added (the version matched to the project's TypeScript), for a project
 * that lacks zod and only when one of the `generated` files imports it: a class-validator NestJS
 * module or a TypeBox route gets no zod. Undefined when nothing is to be added or there is no
 * package.json. `files` reads the project; `installCommand` is what the note tells the user to run.
 */
export function zodDependency(files: ProjectFiles, facts: ProjectFacts, generated: readonly FileChange[], installCommand: string): ZodDependency | undefined {
  if (facts.zod !== undefined || !generated.some(importsZod)) {
    return undefined;
  }
  const before = files.read('package.json');
  if (before === undefined) {
    return undefined;
  }
  const choice = zodVersionForTypeScript(facts.typescriptVersion);
  return {
    change: { path: 'package.json', before, after: addDependencyChange(before, 'zod', choice.range) },
    note: `zod ${choice.range} was added to package.json; run \`${installCommand}\` after accepting.`,
  };
}
