import type { ChangeSet, FileChange } from './changeSet';
import { countHunks, selectHunks, type SelectedText } from './selectHunks';

/** What a reviewer decided about one file so far. */
export interface FileSelection {
  readonly change: FileChange;
  readonly hunkCount: number;
  readonly takenCount: number;
  /** The text that applying would leave (equals `before`, or '' for a new file, when nothing is taken). */
  readonly selected: SelectedText;
}

/**
 * Which files and hunks of a ChangeSet a reviewer takes: everything at first. Editor-agnostic so
 * the rules (hunk numbering, partial text, which files an apply writes) are tested once.
 */
export class ReviewSelection {
  private readonly taken = new Map<string, boolean[]>();

  constructor(readonly changeSet: ChangeSet) {
    for (const change of changeSet.files) {
      this.taken.set(change.path, new Array<boolean>(countHunks(change.before, change.after)).fill(true));
    }
  }

  /** The reviewer's current choice for `path`, or undefined for a path outside the set. */
  file(path: string): FileSelection | undefined {
    const change = this.changeSet.files.find((f) => f.path === path);
    const flags = this.taken.get(path);
    if (!change || !flags) {
      return undefined;
    }
    return { change, hunkCount: flags.length, takenCount: flags.filter(Boolean).length, selected: selectHunks(change.before, change.after, (i) => flags[i] ?? false) };
  }

  /** Takes or leaves one hunk; returns false when there is no such hunk. */
  setHunk(path: string, index: number, take: boolean): boolean {
    const flags = this.taken.get(path);
    if (!flags || index < 0 || index >= flags.length) {
      return false;
    }
    flags[index] = take;
    return true;
  }

  /** Takes or leaves every hunk of a file; returns false for a path outside the set. */
  setFile(path: string, take: boolean): boolean {
    const flags = this.taken.get(path);
    if (!flags) {
      return false;
    }
    flags.fill(take);
    return true;
  }

  /** True when at least one hunk of the file is taken. */
  isTaken(path: string): boolean {
    return (this.taken.get(path) ?? []).some(Boolean);
  }

  /**
   * The change set an apply writes: the files with at least one taken hunk, each with only its taken
   * hunks in `after` (diagnostics kept only for lines that survive, renumbered).
   */
  selectedChangeSet(): ChangeSet {
    const files: FileChange[] = [];
    for (const change of this.changeSet.files) {
      const selection = this.file(change.path);
      if (!selection || selection.takenCount === 0) {
        continue;
      }
      const diagnostics = (change.diagnostics ?? []).flatMap((d) => {
        const line = selection.selected.afterLineMap[d.line - 1];
        return line === undefined ? [] : [{ ...d, line: line + 1 }];
      });
      files.push({ path: change.path, before: change.before, after: selection.selected.text, ...(change.diagnostics ? { diagnostics } : {}) });
    }
    return { ...this.changeSet, files };
  }

  /** Paths of the set left out entirely. */
  leftFiles(): readonly string[] {
    return this.changeSet.files.filter((f) => !this.isTaken(f.path)).map((f) => f.path);
  }
}
