import type { ChatMessage, LlmClient } from '../llm/types';
import { truncate } from '../llm/redact';
import { structuredInstructions, withInstructions } from '../llm/structuredPrompt';
import { checkAnswer, type AnswerContext, type CheckedAnswer } from './checkAnswer';
import { proveQuery, type QueryProof } from './embedded/proveQuery';
import { compareRows } from './embedded/resultValues';
import type { EmbeddedEngines } from './embedded/embeddedEngines';
import type { SqlResult } from './queryResult';
import { SQL_ANSWER_FORMAT, SqlAnswerSchema, type SqlScalar } from './sqlAnswer';
import { TIME_ZONE_OFFSET_PARAMETER, TIME_ZONE_PARAMETER } from './validateSql';
import { sqliteFixedOffsetProblem, sqliteOffsetModifier } from './timeZone';

export interface AskOptions {
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly cache?: 'use' | 'bypass';
  readonly onProgress?: (message: string) => void;
}

/** A checked answer, proven on the embedded database (or `proof: undefined` for MySQL, with why). */
export interface ProvenQuery extends CheckedAnswer {
  readonly proof?: QueryProof;
  readonly unproven?: string;
  readonly parameterValues: Readonly<Record<string, SqlScalar>>;
  readonly repaired: boolean;
  readonly model: string;
  /** Milliseconds from the accepted answer's arrival to the proven result. */
  readonly answerToProofMs: number;
}

export type AskResult = SqlResult<ProvenQuery>;

/** The full messages sent first: the caller's prompt plus the structured-answer rules and schema. */
export function withAnswerInstructions(messages: readonly ChatMessage[]): ChatMessage[] {
  return withInstructions(messages, structuredInstructions(SqlAnswerSchema, 'the parameters, assumptions, questions, fixture rows and expected rows of one SQL query; the query itself follows in a ```sql block.'));
}

/**
 * Asks the model (through the gateway) for a query, checks it, proves it on the embedded engine and
 * compares the result with the rows the answer expects. Any failure gets ONE repair turn quoting
 * the exact errors; a second failure is a clear `invalid`.
 */
export async function askForQuery(client: LlmClient, messages: readonly ChatMessage[], context: AnswerContext, engines: EmbeddedEngines, options: AskOptions = {}): Promise<AskResult> {
  let conversation = withAnswerInstructions(messages);
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await client.chat({
      purpose: attempt === 0 ? 'sql' : 'sql (repair)',
      messages: conversation,
      signal: options.signal,
      command: options.command,
      cache: options.cache,
      format: SQL_ANSWER_FORMAT,
      destination: 'code',
      validate: (text) => {
        const checked = checkAnswer(text, context);
        return checked.kind === 'invalid' ? checked.errors : [];
      },
    });
    if (reply.kind === 'cancelled') {
      return reply;
    }
    if (reply.kind === 'failed') {
      return { kind: 'failed', message: reply.error.message };
    }
    const text = reply.kind === 'ok' ? reply.value.text : reply.raw;
    const arrived = Date.now();
    const checked = checkAnswer(text, context);
    if (checked.kind === 'questions') {
      return checked;
    }
    let errors: readonly string[];
    if (checked.kind === 'invalid') {
      errors = checked.errors;
    } else {
      const dst = fixedOffsetProblem(checked.value, context);
      if (dst) {
        return { kind: 'failed', message: dst };
      }
      options.onProgress?.('Running the query on the embedded database…');
      const proven = await prove(checked.value, context, engines);
      if (proven.kind === 'ok') {
        return { kind: 'ok', value: { ...proven.value, repaired: attempt > 0, model: reply.kind === 'ok' ? reply.value.model : '', answerToProofMs: Date.now() - arrived } };
      }
      errors = proven.errors;
    }
    if (attempt === 1) {
      return { kind: 'invalid', errors };
    }
    options.onProgress?.(`The answer was refused (${errors.length} problem(s)); asking once more with the exact errors…`);
    conversation = [...conversation, ...sqlRepairTurn(text, errors)];
  }
  return { kind: 'invalid', errors: ['no usable answer'] };
}

type Proven = { kind: 'ok'; value: Omit<ProvenQuery, 'repaired' | 'model' | 'answerToProofMs'> } | { kind: 'failed'; errors: string[] };

async function prove(checked: CheckedAnswer, context: AnswerContext, engines: EmbeddedEngines): Promise<Proven> {
  const parameterValues: Record<string, SqlScalar> = {
    [TIME_ZONE_PARAMETER]: context.timeZone,
    [TIME_ZONE_OFFSET_PARAMETER]: sqliteOffsetModifier(context.timeZone),
    ...Object.fromEntries(checked.answer.parameters.map((p) => [p.name, p.value])),
  };
  const result = await proveQuery(engines, { schema: context.schema, dialect: context.dialect, rows: checked.rows, sql: checked.sql, parameters: parameterValues });
  if (result.kind === 'unsupported') {
    return { kind: 'ok', value: { ...checked, unproven: result.reason, parameterValues } };
  }
  if (result.kind === 'failed') {
    return { kind: 'failed', errors: [`the query failed on the embedded ${context.dialect} database: ${result.error}`] };
  }
  const mismatches = checked.answer.expected ? compareRows(result.proof.rows, checked.answer.expected) : [];
  if (mismatches.length > 0) {
    return { kind: 'failed', errors: [...mismatches, `actual rows: ${JSON.stringify(result.proof.rows).slice(0, 600)}`] };
  }
  return { kind: 'ok', value: { ...checked, proof: result.proof, parameterValues } };
}

/** For SQLite queries that shift times by the fixed offset: why that is wrong for the zone (DST), if it is. */
function fixedOffsetProblem(checked: CheckedAnswer, context: AnswerContext): string | undefined {
  if (context.dialect !== 'sqlite' || !checked.check.usedParameters.includes(TIME_ZONE_OFFSET_PARAMETER)) {
    return undefined;
  }
  const dates = checked.rows.flatMap((t) => t.rows.flatMap((row) => Object.values(row)))
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v))
    .map((v) => new Date(v.replace(' ', 'T')))
    .filter((d) => !Number.isNaN(d.getTime()));
  return sqliteFixedOffsetProblem(context.timeZone, [new Date(), ...dates]);
}

/** The answer as given, and the exact problems with it. */
function sqlRepairTurn(previous: string, errors: readonly string[]): ChatMessage[] {
  return [
    { role: 'assistant', content: truncate(previous, 12_000) },
    {
      role: 'user',
      content: ['Your answer was refused:', ...errors.slice(0, 20).map((e) => `- ${e}`), 'Reply with the corrected JSON and the corrected query in one ```sql block.'].join('\n'),
    },
  ];
}
