import { RoutecraftError } from '../errors';
import { IGNORE_FILE_NAME } from './exclusion';

/**
 * Thrown (or returned as the `failed` error) when a command would need a file that is excluded from
 * prompts. Its code is `invalid-input`; tell it apart with `instanceof ExcludedFileError`.
 */
export class ExcludedFileError extends RoutecraftError {
  constructor(readonly excludedPaths: readonly string[]) {
    super('invalid-input', excludedFileMessage(excludedPaths));
  }
}

/** The user-facing explanation for excluded files: which ones, why, and how to change it. */
export function excludedFileMessage(paths: readonly string[]): string {
  const list = paths.map((p) => `"${p}"`).join(', ');
  const subject = paths.length === 1 ? `${list} is` : `${list} are`;
  return (
    `${subject} excluded from what Routecraft sends to the model (${IGNORE_FILE_NAME} or the built-in ` +
    `defaults for secret files). Leave ${paths.length === 1 ? 'it' : 'them'} out of the selection, or add a ` +
    `"!<path>" line to ${IGNORE_FILE_NAME} if it really holds no secrets.`
  );
}
