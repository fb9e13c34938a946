import type { SqlAnswer } from './sqlAnswer';

/** What a model's SQL answer comes to once checked: the value, the model's questions for the user, or the errors. */
export type SqlVerdict<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'questions'; readonly answer: SqlAnswer }
  | { readonly kind: 'invalid'; readonly errors: readonly string[] };

/** A {@link SqlVerdict} of a request to the model, which may also be cancelled or fail. */
export type SqlResult<T> = SqlVerdict<T> | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string };
