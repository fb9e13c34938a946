// The corpus projects the corpus bench measures: each entry's pinned commit exported and installed
// by the corpus runner's own code (scripts/corpus/workspace.ts), kept in a bench work folder so
// that later runs of the bench reuse the installed checkout instead of installing it again.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTsc } from '../scripts/corpus/steps';
import { CorpusEntrySchema, type CorpusEntry } from '../scripts/corpus/types';
import { exportProject, installCommand, installRoot, outputTail, runShell, type Workspace } from '../scripts/corpus/workspace';

/** A checkout ready to measure, or why there is none. */
export type Checkout = { readonly kind: 'ready'; readonly workspace: Workspace } | { readonly kind: 'failed'; readonly reason: string };

/** What `<work>/<id>.json` records about a kept checkout. */
interface Kept {
  readonly commit: string;
  readonly workspace: Workspace;
}

/** Every entry of `<repo>/corpus/projects`, ordered by id; `ids` (when any): only those, in that order. */
export function loadEntries(repoRoot: string, ids: readonly string[]): CorpusEntry[] {
  const dir = join(repoRoot, 'corpus', 'projects');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => CorpusEntrySchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const unknown = ids.filter((id) => !entries.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new Error(`no corpus entry ${unknown.join(', ')} (see corpus/projects/)`);
  }
  return ids.length === 0 ? entries : ids.map((id) => entries.find((e) => e.id === id)!);
}

function readKept(file: string, entry: CorpusEntry): Workspace | undefined {
  if (!existsSync(file)) {
    return undefined;
  }
  const kept = JSON.parse(readFileSync(file, 'utf8')) as Kept;
  return kept.commit === entry.commit && existsSync(kept.workspace.projectDir) ? kept.workspace : undefined;
}

/**
 * The entry's installed checkout under `work`: the kept one when its commit still matches, else a
 * fresh export (the corpus runner's exportProject) installed the way the runner installs it.
 */
export async function checkout(entry: CorpusEntry, mirrorRoot: string, work: string, log: (line: string) => void): Promise<Checkout> {
  mkdirSync(work, { recursive: true });
  const record = join(work, `${entry.id}.json`);
  const kept = readKept(record, entry);
  if (kept !== undefined) {
    return { kind: 'ready', workspace: kept };
  }
  let workspace: Workspace;
  try {
    workspace = exportProject(entry, mirrorRoot);
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  // The same choice as scripts/corpus/runProject.ts: the entry's own command runs at the repository root.
  const install = entry.install ?? installCommand(installRoot(workspace));
  log(`  ${entry.id}: ${install} (in ${workspace.base})`);
  const installed = await runShell(install, entry.install === undefined ? installRoot(workspace) : workspace.repoDir, 900_000, entry.env ?? {});
  if (installed.kind !== 'exited' || installed.exitCode !== 0) {
    rmSync(workspace.base, { recursive: true, force: true });
    return { kind: 'failed', reason: `${install} failed: ${outputTail(installed.output, 3)}` };
  }
  if (entry.typecheck === undefined && findTsc(workspace) === undefined) {
    rmSync(workspace.base, { recursive: true, force: true });
    return { kind: 'failed', reason: 'TypeScript is not installed in the project.' };
  }
  writeFileSync(record, `${JSON.stringify({ commit: entry.commit, workspace } satisfies Kept, null, 2)}\n`);
  return { kind: 'ready', workspace };
}

/** The project's own type check as one shell line: the entry's `typecheck`, else its tsc with `--noEmit` (as the runner's runTsc). */
export function typeCheckCommand(entry: CorpusEntry, workspace: Workspace, node: string): string {
  return entry.typecheck ?? `${JSON.stringify(node)} ${JSON.stringify(findTsc(workspace) ?? 'tsc')} --noEmit --pretty false`;
}
