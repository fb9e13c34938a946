import { parsePatch, type StructuredPatchHunk } from 'diff';
import type { ChangedFile, FileStatus, Hunk, HunkLine } from './changedFile';

/** Parses git's unified diff (`git diff`, `git show`) into files and numbered hunks. */
export function parseDiff(diffText: string): ChangedFile[] {
  if (diffText.trim() === '') {
    return [];
  }
  const files: ChangedFile[] = [];
  for (const patch of parsePatch(diffText)) {
    const oldPath = stripPrefix(patch.oldFileName);
    const newPath = stripPrefix(patch.newFileName);
    const status: FileStatus = patch.isBinary
      ? 'binary'
      : patch.isCreate || oldPath === undefined
        ? 'added'
        : patch.isDelete || newPath === undefined
          ? 'deleted'
          : patch.isRename || oldPath !== newPath
            ? 'renamed'
            : 'modified';
    const path = newPath ?? oldPath;
    if (path === undefined) {
      continue;
    }
    files.push({
      path,
      ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}),
      status,
      hunks: patch.hunks.map(toHunk),
    });
  }
  return files;
}

function stripPrefix(name: string | undefined): string | undefined {
  if (name === undefined || name === '/dev/null' || name === '') {
    return undefined;
  }
  return name.replace(/^[ab]\//, '');
}

function toHunk(hunk: StructuredPatchHunk): Hunk {
  // The library already turns git's `-5,0` into the line after the gap, so starts are used as is.
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  const lastNew = hunk.newStart + Math.max(1, hunk.newLines) - 1;
  const lines: HunkLine[] = [];
  for (const raw of hunk.lines) {
    const marker = raw.charAt(0);
    const text = raw.slice(1);
    if (marker === '+') {
      lines.push({ type: 'add', text, newLine, anchor: newLine });
      newLine++;
    } else if (marker === '-') {
      // A removal is shown at the new line that now stands where it was (the last line of the hunk at the end).
      lines.push({ type: 'remove', text, oldLine, anchor: Math.max(1, Math.min(newLine, lastNew)) });
      oldLine++;
    } else if (marker === ' ') {
      lines.push({ type: 'context', text, oldLine, newLine, anchor: newLine });
      oldLine++;
      newLine++;
    }
    // '\' (no newline at end of file) carries no line.
  }
  return { oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines, lines };
}
