import type { GeneratedFile } from '../types';
import type { GenerationContext } from './generationContext';
import { ensureImport } from './imports';
import { stringLiteral } from './literal';
import { finishFile, openFile } from './sourceFiles';

/** The exported function every generated handler calls to build its 400 body. */
export const VALIDATION_ERROR_FUNCTION = 'toValidationError';

/**
 * The call that builds the 400 body from the safeParse results named `<key>Result`, inside
 * `if (!aResult.success || !bResult.success)`. With one part the `if` narrows it to the failure;
 * with several none is narrowed, and before zod 3.22 the success type has no `error` key at all
 * (TS2339), so each error is read behind its own `success` test.
 */
export function validationErrorCall(keys: readonly string[]): string {
  const errors = keys.length === 1 ? [`${keys[0] ?? ''}Result.error`] : keys.map((key) => `${key}Result.success ? undefined : ${key}Result.error`);
  return `${VALIDATION_ERROR_FUNCTION}(${errors.join(', ')})`;
}

/**
 * The shared 400 body, the same for every framework:
 * `{ "error": "ValidationError", "issues": [{ "path": "email", "message": "...", "code": "..." }] }`,
 * listing every zod issue. Written once per project (`src/validationError.ts`).
 */
export function buildValidationErrorFile(ctx: GenerationContext): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.validationError);
  const { file } = open;
  const q = (text: string): string => stringLiteral(text, ctx.input.options.style);
  let changed = ensureImport(file, { moduleSpecifier: 'zod', named: [{ name: 'ZodError', typeOnly: true }] });
  if (!file.getInterface('ValidationErrorBody')) {
    file.addInterface({
      name: 'ValidationErrorBody',
      isExported: true,
      docs: ['The body of every 400 answer: each issue zod found, with its dotted path.'],
      properties: [
        { name: 'error', type: q('ValidationError') },
        { name: 'issues', type: '{ path: string; message: string; code: string }[]' },
      ],
    });
    changed = true;
  }
  if (!file.getFunction(VALIDATION_ERROR_FUNCTION)) {
    file.addFunction({
      name: VALIDATION_ERROR_FUNCTION,
      isExported: true,
      docs: ['Maps the ZodErrors of a request (params, query, body; undefined where that part passed) to the 400 body, keeping every issue.'],
      parameters: [{ name: 'errors', type: '(ZodError | undefined)[]', isRestParameter: true }],
      returnType: 'ValidationErrorBody',
      statements: (w) => {
        w.write('return').block(() => {
          w.writeLine(`error: ${q('ValidationError')},`);
          w.writeLine(`issues: errors.flatMap((error) => error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join(${q('.')}), message: issue.message, code: issue.code })),`);
        });
      },
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
