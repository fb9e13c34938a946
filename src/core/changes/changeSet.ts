/** One compiler finding inside a changed file (line and column are 1-based, in `after`). */
export interface ChangeDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** TypeScript diagnostic code, e.g. 2322. */
  readonly code: number;
  readonly category: 'error' | 'warning';
}

/** The proposed new content of one file. */
export interface FileChange {
  /** Relative to the change set's root, forward slashes, no `..` (see `assertInsideRoot`). */
  readonly path: string;
  /** The content the generator started from; `undefined` means the file is new. */
  readonly before: string | undefined;
  readonly after: string;
  /** Filled by `typeCheckChangeSet`; absent when the file was not checked. */
  readonly diagnostics?: readonly ChangeDiagnostic[];
}

/**
 * What a generator proposes: the core never writes behind the user's back. An adapter shows the
 * set as a diff and writes it (with `applyChangeSet`) only when the user accepts.
 */
export interface ChangeSet {
  /** Absolute path of the project root every `FileChange.path` is relative to. */
  readonly root: string;
  readonly files: readonly FileChange[];
  /** One line for the review title and the commit message, e.g. "Add POST /users". */
  readonly summary: string;
}

/** True when applying the change would leave the file as it is. */
export function isNoOpChange(change: FileChange): boolean {
  return change.before === change.after;
}
