import { extractCodeBlocks } from '../llm/codeBlocks';
import { extractJson } from '../llm/extractJson';
import { formatIssues } from '../llm/structuredPrompt';
import { checkFixtureRows, type TableRows } from './fixtureRows';
import type { SqlVerdict } from './queryResult';
import { SqlAnswerSchema, type SqlAnswer } from './sqlAnswer';
import { validateSql, type SqlCheck } from './validateSql';
import type { SchemaModel, SqlDialect } from './schema/schemaModel';

export interface AnswerContext {
  readonly dialect: SqlDialect;
  readonly schema: SchemaModel;
  readonly allowWrites: boolean;
  readonly timeZone: string;
}

/** An answer that passed every static check (the proof on a database comes next). */
export interface CheckedAnswer {
  readonly answer: SqlAnswer;
  readonly sql: string;
  readonly check: SqlCheck;
  readonly rows: readonly TableRows[];
}

export type AnswerCheck = SqlVerdict<CheckedAnswer>;

/** Parses and checks one raw answer: the JSON against its schema, the ```sql block, the fixture rows. */
export function checkAnswer(text: string, context: AnswerContext): AnswerCheck {
  const extracted = extractJson(text);
  if ('error' in extracted) {
    return { kind: 'invalid', errors: [`(answer): ${extracted.error}`] };
  }
  const parsed = SqlAnswerSchema.safeParse(extracted.json);
  if (!parsed.success) {
    return { kind: 'invalid', errors: formatIssues(parsed.error.issues) };
  }
  const answer = parsed.data;
  const blocks = extractCodeBlocks(text).filter((b) => (b.end <= extracted.start || b.start >= extracted.end) && b.lang !== 'json');
  const sqlBlocks = blocks.filter((b) => b.lang === 'sql' || b.lang === '');
  if (sqlBlocks.length === 0) {
    return answer.questions.length > 0 ? { kind: 'questions', answer } : { kind: 'invalid', errors: ['(answer): no ```sql block after the JSON'] };
  }
  if (sqlBlocks.length > 1) {
    return { kind: 'invalid', errors: [`(answer): ${sqlBlocks.length} SQL blocks; give exactly one query`] };
  }
  const sql = sqlBlocks[0]!.code.trim().replace(/;\s*$/, '');
  const check = validateSql({ sql, dialect: context.dialect, schema: context.schema, parameters: answer.parameters.map((p) => p.name), allowWrites: context.allowWrites, timeZone: context.timeZone });
  const rows = checkFixtureRows(context.schema, answer.rows);
  const errors = [...check.errors, ...(rows.kind === 'invalid' ? rows.errors : [])];
  if (errors.length > 0) {
    return { kind: 'invalid', errors };
  }
  return { kind: 'ok', value: { answer, sql, check, rows: rows.kind === 'ok' ? rows.tables : [] } };
}
