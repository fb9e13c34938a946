import { RoutecraftError } from '../errors';

/**
 * Thrown by `applyChangeSet` when a file could not be written. Every file written before the
 * failure has been put back (`rolledBack`), unless `rollbackFailures` lists some that could not be.
 * Code `internal`; tell it apart with `instanceof ApplyChangeSetError`.
 */
export class ApplyChangeSetError extends RoutecraftError {
  constructor(
    /** The change-set path whose write failed. */
    readonly path: string,
    override readonly cause: unknown,
    /** Paths that could not be restored to their previous content (empty when all were). */
    readonly rollbackFailures: readonly string[],
  ) {
    super('internal', applyFailureMessage(path, cause, rollbackFailures), cause instanceof Error ? cause.stack : String(cause));
  }

  get rolledBack(): boolean {
    return this.rollbackFailures.length === 0;
  }
}

function applyFailureMessage(path: string, cause: unknown, rollbackFailures: readonly string[]): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const outcome =
    rollbackFailures.length === 0
      ? 'No file was changed.'
      : `The other files were put back, except ${rollbackFailures.map((p) => `"${p}"`).join(', ')}: check them before retrying.`;
  return `Could not write "${path}" (${reason}). ${outcome}`;
}
