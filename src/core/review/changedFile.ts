/** One line of a hunk with its numbers in the old and the new file. */
export interface HunkLine {
  readonly type: 'add' | 'remove' | 'context';
  readonly text: string;
  /** Line in the old file (remove, context). */
  readonly oldLine?: number;
  /** Line in the new file (add, context). */
  readonly newLine?: number;
  /** For removed lines: the new-file line a finding about the removal points at. */
  readonly anchor: number;
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly HunkLine[];
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'binary';

/** One file of a change set, parsed from git's unified diff. */
export interface ChangedFile {
  /** Path relative to the repository root, `/`-separated (the new path; the old one when deleted). */
  readonly path: string;
  readonly oldPath?: string;
  readonly status: FileStatus;
  readonly hunks: readonly Hunk[];
}

/**
 * The lines a finding may point at: every line inside a hunk (new numbering; old numbering for a
 * deleted file). A finding anywhere else points at code the change did not touch.
 */
export function reviewableLines(file: ChangedFile): ReadonlySet<number> {
  const lines = new Set<number>();
  for (const hunk of file.hunks) {
    const deleted = file.status === 'deleted';
    const start = deleted ? hunk.oldStart : hunk.newStart;
    const count = deleted ? hunk.oldLines : hunk.newLines;
    for (let line = Math.max(1, start); line < start + Math.max(1, count); line++) {
      lines.add(line);
    }
  }
  return lines;
}

/** Added lines with their new line numbers. */
export function addedLines(file: ChangedFile): { line: number; text: string; hunk: Hunk }[] {
  return file.hunks.flatMap((hunk) => hunk.lines.filter((l) => l.type === 'add').map((l) => ({ line: l.newLine ?? l.anchor, text: l.text, hunk })));
}

/** Removed lines with the new line their removal is shown at. */
export function removedLines(file: ChangedFile): { line: number; text: string; hunk: Hunk }[] {
  return file.hunks.flatMap((hunk) => hunk.lines.filter((l) => l.type === 'remove').map((l) => ({ line: l.anchor, text: l.text, hunk })));
}
