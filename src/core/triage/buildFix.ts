import { RoutecraftError } from '../errors';
import { assertInsideRoot } from '../changes/assertInsideRoot';
import type { ChangeSet, FileChange } from '../changes/changeSet';
import type { CodeBlock } from '../llm/codeBlocks';
import { createNodeProjectFs } from '../project/nodeProjectFs';
import type { ProjectFs } from '../project/projectFs';
import type { FixEdit } from './triageAnswer';
import { lineCountOf } from './triageContext';

/** The fix of an answer as a ChangeSet, or why it cannot be used (nothing is written either way). */
export type FixResult = { readonly kind: 'ok'; readonly changeSet: ChangeSet } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Turns the model's edits (line ranges + fenced replacement code, in order) into a ChangeSet over
 * the files it was shown. Refused, with a reason: a path outside the project or into node_modules,
 * a file that was not shown, a line range beyond the file, overlapping edits, a missing code block,
 * and a file that changed on disk since it was read (stale: the lines would no longer be the ones meant).
 * `fs` reads the project now (default: the folder on disk).
 */
export async function buildFix(root: string, summary: string, edits: readonly FixEdit[], blocks: readonly CodeBlock[], shown: ReadonlyMap<string, string>, fs: ProjectFs = createNodeProjectFs(root)): Promise<FixResult> {
  if (blocks.length < edits.length) {
    return refuse(`the fix has ${edits.length} edit(s) but ${blocks.length} code block(s)`);
  }
  const byFile = new Map<string, { edit: FixEdit; code: string }[]>();
  for (const [i, edit] of edits.entries()) {
    const path = edit.file.replace(/^\.\//, '');
    try {
      assertInsideRoot(root, path);
    } catch (error) {
      return refuse(error instanceof RoutecraftError ? error.message : `"${edit.file}" is not a project file`);
    }
    const before = shown.get(path);
    if (before === undefined) {
      return refuse(`"${edit.file}" was not among the files shown to the model`);
    }
    const lines = lineCountOf(before);
    if (edit.endLine < edit.startLine || edit.endLine > lines) {
      return refuse(`lines ${edit.startLine}-${edit.endLine} of ${path} do not exist (it has ${lines})`);
    }
    byFile.set(path, [...(byFile.get(path) ?? []), { edit: { ...edit, file: path }, code: blocks[i]!.code }]);
  }
  const files: FileChange[] = [];
  for (const [path, fileEdits] of byFile) {
    const before = shown.get(path)!;
    // Inside the root: every path was checked by assertInsideRoot above.
    const now = await fs.readFile(path).catch(() => undefined);
    if (now !== before) {
      return refuse(`${path} changed on disk since it was read; run the triage again`);
    }
    const sorted = [...fileEdits].sort((a, b) => a.edit.startLine - b.edit.startLine);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.edit.startLine <= sorted[i - 1]!.edit.endLine) {
        return refuse(`edits overlap in ${path}`);
      }
    }
    files.push({ path, before, after: applyEdits(before, sorted) });
  }
  return { kind: 'ok', changeSet: { root, files, summary } };
}

function applyEdits(text: string, sorted: readonly { edit: FixEdit; code: string }[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  for (const { edit, code } of [...sorted].reverse()) {
    const replacement = code.replace(/\r?\n$/, '').split(/\r?\n/);
    lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...(code.trim() === '' ? [] : replacement));
  }
  return lines.join(eol);
}

function refuse(reason: string): FixResult {
  return { kind: 'refused', reason: `The proposed fix was not used: ${reason}. Nothing was written.` };
}
