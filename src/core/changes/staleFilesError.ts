import { RoutecraftError } from '../errors';
import type { StaleFile, StaleReason } from './findStaleFiles';

const VERB: Record<StaleReason, string> = {
  modified: 'was edited',
  deleted: 'was deleted',
  created: 'was created',
};

/**
 * Thrown by `applyChangeSet` when files changed on disk since the change set was generated.
 * Nothing was written; the adapter should regenerate (or let the user decide) rather than
 * overwrite the user's edits. Code `invalid-input`; tell it apart with `instanceof StaleFilesError`.
 */
export class StaleFilesError extends RoutecraftError {
  constructor(readonly staleFiles: readonly StaleFile[]) {
    super('invalid-input', staleFilesMessage(staleFiles));
  }
}

/** "src/app.ts was edited since the change was generated. Nothing was written; …" */
export function staleFilesMessage(staleFiles: readonly StaleFile[]): string {
  const parts = staleFiles.map((file) => `"${file.path}" ${VERB[file.reason]}`);
  return `${parts.join(', ')} since the change was generated. Nothing was written; generate the change again to include the current content.`;
}
