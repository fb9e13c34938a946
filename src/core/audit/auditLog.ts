import type { AuditEntry } from './auditEntry';

/**
 * Where audit lines go. One `append` per LLM call; appends from one process are written in
 * order and never interleave. Implementations must not throw into the caller's command for a
 * failed write: they log it and carry on.
 */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /**
   * The most recent entries, oldest first; at most `limit` (all when absent). Lines that are not
   * valid entries (a torn last line, a hand edit) are skipped.
   */
  readEntries(limit?: number): Promise<AuditEntry[]>;
  /** The file a person can open ("Open Audit Log"), when the log has one. */
  readonly path?: string;
}
