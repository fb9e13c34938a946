import { z } from 'zod';
import { extractJson } from '../llm/extractJson';
import { formatIssues, structuredInstructions, withInstructions } from '../llm/structuredPrompt';
import type { ChatMessage, LlmClient } from '../llm/types';
import { findTable, type SchemaModel, type SchemaTable } from './schema/schemaModel';
import { describeTables } from './sqlPrompt';
import { selectTables } from './selectTables';

/** Above this many tables, or this many estimated prompt tokens of table listing, the model picks. */
export const LARGE_SCHEMA_TABLES = 40;
export const SCHEMA_TOKEN_BUDGET = 6000;
/** The most tables the model may pick (the prompt stays within budget). */
const MAX_PICKED = 25;

export const TablePickSchema = z.object({
  tables: z.array(z.string()).min(1).max(MAX_PICKED).describe('the names of the tables the query needs, exactly as listed'),
});
const PICK_FORMAT = 'sql-table-pick@1';

/** The tables for the prompt, and how they were chosen (for the review). */
export interface TableChoice {
  readonly tables: readonly SchemaTable[];
  readonly how: 'whole schema' | 'names and relations' | 'model';
  readonly note?: string;
}

export interface PickOptions {
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly cache?: 'use' | 'bypass';
}

/** Rough tokens of the tables' listing in the prompt (4 characters a token). */
export function listingTokens(schema: SchemaModel, tables: readonly SchemaTable[]): number {
  return Math.ceil(describeTables(schema, tables).length / 4);
}

/**
 * The tables a question needs. By name and relation first (selectTables); if that still leaves more
 * than LARGE_SCHEMA_TABLES tables or SCHEMA_TOKEN_BUDGET tokens, one small structured call through the
 * gateway picks from the names list. Its answer may only name existing tables; a bad or failed answer
 * falls back to the choice by name and relation, and the note says so.
 */
export async function chooseTables(client: LlmClient, schema: SchemaModel, question: string, options: PickOptions = {}): Promise<TableChoice> {
  const byName = selectTables(schema, question);
  const how = byName.length === schema.tables.length ? 'whole schema' : 'names and relations';
  if (byName.length <= LARGE_SCHEMA_TABLES && listingTokens(schema, byName) <= SCHEMA_TOKEN_BUDGET) {
    return { tables: byName, how };
  }
  const reply = await client.chat({
    purpose: 'sql tables',
    messages: withInstructions(pickMessages(schema, question, byName), structuredInstructions(TablePickSchema, 'the tables one SQL query answering the question needs')),
    signal: options.signal,
    command: options.command,
    cache: options.cache,
    format: PICK_FORMAT,
    maxTokens: 400,
    validate: (text) => problems(text, schema).errors,
  });
  const fallback = (why: string): TableChoice => ({ tables: byName, how, note: `the model's table choice was not usable (${why}); using the ${byName.length} table(s) chosen by name and relation` });
  if (reply.kind === 'cancelled' || reply.kind === 'failed') {
    return reply.kind === 'cancelled' ? { tables: byName, how } : fallback(reply.error.message);
  }
  const checked = problems(reply.kind === 'ok' ? reply.value.text : reply.raw, schema);
  if (checked.errors.length > 0) {
    return fallback(checked.errors.slice(0, 3).join('; '));
  }
  const picked = checked.tables;
  // The tables the picked ones reference (bounded: never the many tables that reference a hub).
  const names = new Set(picked.map((t) => t.name.toLowerCase()));
  const referenced = [...new Set(picked.flatMap((t) => t.foreignKeys.map((fk) => fk.table.toLowerCase())))].filter((n) => !names.has(n)).map((n) => findTable(schema, n)).filter((t): t is SchemaTable => t !== undefined);
  const tables = [...picked, ...referenced];
  return { tables, how: 'model', note: `the schema has ${schema.tables.length} tables: the model picked ${picked.map((t) => t.name).join(', ')}${referenced.length > 0 ? ` (+ ${referenced.length} referenced table(s))` : ''}` };
}

function pickMessages(schema: SchemaModel, question: string, candidates: readonly SchemaTable[]): ChatMessage[] {
  const lines = candidates.map((t) => `${t.name}${t.comment ? ` -- ${t.comment.slice(0, 80)}` : ''}${t.foreignKeys.length > 0 ? ` (→ ${[...new Set(t.foreignKeys.map((f) => f.table))].join(', ')})` : ''}`);
  return [
    { role: 'system', content: `You choose which tables of a ${schema.tables.length}-table database one SQL query needs. Name only tables from the list, at most ${MAX_PICKED}; include the tables needed to join them.` },
    { role: 'user', content: `Question: ${question}\n\nTables (→ the tables each references):\n${lines.join('\n')}` },
  ];
}

function problems(text: string, schema: SchemaModel): { errors: string[]; tables: SchemaTable[] } {
  const extracted = extractJson(text);
  if ('error' in extracted) {
    return { errors: [extracted.error], tables: [] };
  }
  const parsed = TablePickSchema.safeParse(extracted.json);
  if (!parsed.success) {
    return { errors: formatIssues(parsed.error.issues), tables: [] };
  }
  const unknown = parsed.data.tables.filter((name) => !findTable(schema, name));
  if (unknown.length > 0) {
    return { errors: [`unknown table(s): ${unknown.join(', ')}`], tables: [] };
  }
  const tables = [...new Set(parsed.data.tables.map((name) => findTable(schema, name)!))];
  return { errors: [], tables };
}
