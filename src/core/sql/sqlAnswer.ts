import { z } from 'zod';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SqlScalar = z.infer<typeof Scalar>;

const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an identifier (letters, digits, _)');

export const SqlParameterSchema = z.object({
  name: Identifier.describe('the :name used in the SQL'),
  value: Scalar.describe('the value for this question; never written into the SQL'),
  description: z.string().optional(),
});
export type SqlParameter = z.infer<typeof SqlParameterSchema>;

/**
 * The model's structured answer. The SQL itself travels in a ```sql fenced block after the JSON
 * (code never inside JSON strings); `:name` placeholders stand for `parameters`.
 */
export const SqlAnswerSchema = z.object({
  functionName: Identifier.describe('camelCase name of the data-layer function, e.g. weeklyPayingWednesdayLogins'),
  parameters: z.array(SqlParameterSchema).default([]),
  assumptions: z.array(z.string()).default([]).describe('how words were mapped to the schema, e.g. "paying" = subscriptions.status = active'),
  questions: z.array(z.string()).default([]).describe('what the schema cannot decide; ask instead of guessing (then no SQL block)'),
  rows: z.record(z.string(), z.array(z.record(z.string(), Scalar))).default({}).describe('fixture rows per table that exercise every condition, with rows on both sides of each boundary'),
  expected: z.array(z.record(z.string(), Scalar)).optional().describe('the rows the query must return on those fixture rows, in order'),
});
export type SqlAnswer = z.infer<typeof SqlAnswerSchema>;

/** The answer's name for its format in the cache key. */
export const SQL_ANSWER_FORMAT = 'sql-answer@1';
