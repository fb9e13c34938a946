import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyChangeSet } from '../core/changes/applyChangeSet';
import { diffStats, formatDiffStats } from '../core/changes/diffStats';
import { changeSetDiff } from '../core/changes/unifiedDiff';
import { RoutecraftError } from '../core/errors';
import { previewPrompt } from '../core/gateway/preview';
import { withAnswerInstructions } from '../core/sql/askForQuery';
import { EmbeddedEngines } from '../core/sql/embedded/embeddedEngines';
import { formatResultTable } from '../core/sql/formatResult';
import { generateQuery, queryMessages, type GeneratedQuery } from '../core/sql/generateQuery';
import { SQL_DIALECTS, type SchemaModel, type SqlDialect } from '../core/sql/schema/schemaModel';
import { cliLlm, llmPathHelp, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';
import { explainForCli, introspectForCli, liveDatabaseFromFlags, sqlLiveHelp, type SqlLiveFlags } from './sqlLiveCli';

export const sqlHelp = `Usage: routecraft sql "QUESTION" [options]

Turns a question into one SQL query checked against your project's schema (Prisma, Drizzle,
TypeORM or .sql migrations), proves it on an embedded database (PGlite for Postgres, sql.js for
SQLite; MySQL is checked by the parser only) with fixture rows, prints the SQL, its parameters and
the result table, then the diff adding a typed function and its test to your data layer.

Options:
  --project DIR        the project (default: the current directory)
  --dialect NAME       postgres, mysql or sqlite (default: what the schema says)
  --time-zone TZ       IANA zone for weekday/hour/week conditions (default: env ROUTECRAFT_SQL_TIME_ZONE,
                       else this machine's zone)
  --write              write the function and its test (all files or none; refused if a file changed)
  --allow-type-errors  with --write: write even if the generated code has type errors
  --allow-writes       allow INSERT/UPDATE/DELETE (read-only otherwise); writing such a query into the
                       project also needs --confirm-write CODE (the code is printed on the first run)
  --confirm-write CODE the second confirmation of a writing query, bound to its exact SQL
  --dry-run            print exactly what would be sent (after redaction) and send nothing
${sqlLiveHelp}
  --base-url, --model, --timeout, --max-retries, --temperature   the LLM (see "routecraft explain --help")
${llmPathHelp}
Exit codes: 0 done, 1 refused or failed (nothing written), 2 bad usage or the model asked a question.`;

export interface SqlFlags extends LlmFlags, LlmPathFlags, SqlLiveFlags {
  readonly project?: string;
  readonly dialect?: string;
  readonly 'time-zone'?: string;
  readonly write?: boolean;
  readonly 'allow-type-errors'?: boolean;
  readonly 'allow-writes'?: boolean;
  readonly 'confirm-write'?: string;
  readonly 'dry-run'?: boolean;
  readonly verbose?: boolean;
}

/** `routecraft sql`: prints the proven query and the diff, or writes it with --write; returns the exit code. */
export async function runSql(question: string, flags: SqlFlags, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, flags.project ?? '.');
  if (flags.dialect !== undefined && !SQL_DIALECTS.includes(flags.dialect as SqlDialect)) {
    throw new RoutecraftError('invalid-input', `--dialect takes one of ${SQL_DIALECTS.join(', ')}, not "${flags.dialect}".`);
  }
  const timeZone = flags['time-zone'] ?? (io.env.ROUTECRAFT_SQL_TIME_ZONE?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone);
  const database = liveDatabaseFromFlags(flags, io);
  let liveSchema: SchemaModel | undefined;
  if (database && flags.introspect) {
    const introspected = await introspectForCli(database, io);
    if (introspected.kind === 'failed') {
      io.stderr.write(`routecraft: ${introspected.message}\nNothing was written.\n`);
      return 1;
    }
    liveSchema = introspected.schema;
  }
  const base = { root, question, dialect: flags.dialect as SqlDialect | undefined, timeZone, allowWrites: flags['allow-writes'] === true, liveSchema };
  const settings = llmSettingsFrom(flags, io.env);
  if (flags['dry-run']) {
    const prepared = await queryMessages(base);
    if (prepared.kind === 'failed') {
      io.stderr.write(`routecraft: ${prepared.message}\n`);
      return 1;
    }
    io.stdout.write(previewPrompt(settings, withAnswerInstructions(prepared.messages)));
    return 0;
  }
  const logger = cliLogger(io, flags.verbose);
  const llm = cliLlm(settings, flags, io, logger);
  const engines = new EmbeddedEngines({ cacheDir: join(tmpdir(), 'routecraft-pglite') });
  try {
    io.stderr.write(`Time zone: ${timeZone} (--time-zone to change)\n`);
    const result = await generateQuery(llm.client, engines, { ...base, signal: io.signal, command: 'cli sql', cache: llm.cacheMode, onProgress: (m) => io.stderr.write(`${m}\n`) });
    switch (result.kind) {
      case 'questions':
        io.stderr.write(`The model needs to know more before writing the query:\n${result.answer.questions.map((q) => `  - ${q}`).join('\n')}\nRephrase the question with the answers. Nothing was written.\n`);
        return 2;
      case 'invalid':
        io.stderr.write(`routecraft: the model's query was refused after one repair turn; nothing was written:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
        return 1;
      case 'cancelled':
        io.stderr.write('Cancelled. Nothing was written.\n');
        return 130;
      case 'failed':
        io.stderr.write(`routecraft: ${result.message}\nNothing was written.\n`);
        return 1;
      case 'ok': {
        const explained = database && flags.explain ? await explainForCli(database, result.value.dialect, result.value.query, io) : true;
        const code = await report(result.value, flags, io);
        return code === 0 && !explained ? 1 : code;
      }
    }
    return 1;
  } finally {
    io.stderr.write(`${llm.usage.summaryLine()}\n`);
    await Promise.all([llm.close(), engines.close()]);
  }
}

async function report(generated: GeneratedQuery, flags: SqlFlags, io: CliIo): Promise<number> {
  const { query } = generated;
  io.stdout.write(`-- ${generated.dialect}; schema from ${generated.schema.source}; tables: ${generated.tables.join(', ')}\n${query.sql}\n\n`);
  io.stdout.write(`Parameters:\n${Object.entries(query.parameterValues).filter(([n]) => query.check.usedParameters.includes(n)).map(([n, v]) => `  :${n} = ${JSON.stringify(v)}`).join('\n') || '  (none)'}\n`);
  if (query.answer.assumptions.length > 0) {
    io.stdout.write(`Assumptions:\n${query.answer.assumptions.map((a) => `  - ${a}`).join('\n')}\n`);
  }
  if (query.proof) {
    const inserted = Object.entries(query.proof.inserted).map(([t, n]) => `${n} ${t}`).join(', ');
    io.stdout.write(`\nResult on ${query.proof.engine} with fixture rows (${inserted || 'none'}), ${query.proof.ms} ms:\n${formatResultTable(query.proof)}\n\n`);
  }
  for (const note of generated.notes) {
    io.stderr.write(`note: ${note}\n`);
  }
  io.stderr.write(`${generated.layer.evidence.map((e) => `fact: ${e}`).join('\n')}\n`);
  io.stderr.write(`Proven ${query.answerToProofMs} ms after the answer arrived${query.repaired ? ' (after one repair turn)' : ''}.\n`);
  const changeSet = generated.changeSet;
  io.stdout.write(changeSetDiff(changeSet));
  io.stderr.write(`${changeSet.summary}\n${formatDiffStats(diffStats(changeSet))}\n`);
  const errors = changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${d.line}:${d.column} error TS${d.code}: ${d.message}`));
  for (const e of errors) {
    io.stderr.write(`${e}\n`);
  }
  const writes = query.check.statement !== 'select';
  const code = createHash('sha256').update(query.sql).digest('hex').slice(0, 8);
  if (!flags.write) {
    io.stderr.write(`Review the above; run again with --write${writes ? ` --confirm-write ${code}` : ''} to apply it.\n`);
    return 0;
  }
  if (writes && flags['confirm-write'] !== code) {
    io.stderr.write(`routecraft: this query writes data (${query.check.statement?.toUpperCase() ?? 'a write'}). Confirm it a second time with --confirm-write ${code}; nothing was written.\n`);
    return 2;
  }
  if (errors.length > 0 && !flags['allow-type-errors']) {
    io.stderr.write(`routecraft: ${errors.length} type error(s) in the generated code; nothing was written (--allow-type-errors writes anyway).\n`);
    return 1;
  }
  const written = await applyChangeSet(changeSet, { checkStale: true, baseline: generated.baseline });
  io.stderr.write(`Wrote ${written.length} file(s).\n`);
  return 0;
}
