import type { ResultValue } from '../embedded/resultValues';
import type { SqlScalar } from '../sqlAnswer';
import type { QueryStyle, QueryTestRunner } from './dataLayer';

export interface QueryTestInput {
  readonly name: string;
  /** Import path of the function file from the test file (`../src/db/x.js`). */
  readonly importPath: string;
  readonly engine: 'postgres' | 'sqlite';
  readonly style: QueryStyle;
  readonly runner: QueryTestRunner;
  readonly ddl: readonly string[];
  /** Rows in insertion order. */
  readonly rows: readonly { readonly table: string; readonly row: Readonly<Record<string, SqlScalar>> }[];
  readonly params: Readonly<Record<string, SqlScalar>>;
  readonly expected: readonly Readonly<Record<string, ResultValue>>[];
  readonly timeZone: string;
}

const TIMEOUT = 120_000;

/** The packages the generated test needs besides the runner. */
export function testDependencies(engine: 'postgres' | 'sqlite'): readonly { readonly name: string; readonly range: string }[] {
  return engine === 'postgres' ? [{ name: '@electric-sql/pglite', range: '^0.5.17' }] : [{ name: 'sql.js', range: '^1.17.0' }, { name: '@types/sql.js', range: '^1.4.11' }];
}

/**
 * A test in the project's runner that creates the schema in the embedded engine, inserts the
 * fixture rows, runs the generated function through a client of the project's style, and asserts
 * the rows the proof returned.
 */
export function renderQueryTest(input: QueryTestInput): string {
  const lines: string[] = [...runnerImports(input.runner)];
  lines.push(input.engine === 'postgres' ? "import { PGlite } from '@electric-sql/pglite';" : "import initSqlJs from 'sql.js';");
  if (input.style === 'drizzle' && input.engine === 'postgres') {
    lines.push("import { drizzle } from 'drizzle-orm/pglite';");
  }
  lines.push(`import { ${input.name}, type ${pascal(input.name)}Params } from '${input.importPath}';`, '');
  lines.push(`const SCHEMA: string[] = ${JSON.stringify(input.ddl, undefined, 2)};`, '');
  lines.push(`const ROWS: [string, Record<string, string | number | boolean | null>][] = [\n${input.rows.map((r) => `  [${JSON.stringify(r.table)}, ${JSON.stringify(r.row)}],`).join('\n')}\n];`, '');
  lines.push(`const PARAMS: ${pascal(input.name)}Params = ${JSON.stringify(input.params)};`, '');
  lines.push(`const EXPECTED = ${JSON.stringify(input.expected, undefined, 2)};`, '');
  lines.push('/** Dates as ISO text and big integers as numbers, so rows compare as plain data. */');
  lines.push('function plain(rows: unknown): unknown {');
  lines.push("  return JSON.parse(JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)));");
  lines.push('}', '');
  const title = `returns the proven rows on fixture rows (time zone ${input.timeZone})`;
  const body = input.engine === 'postgres' ? postgresBody(input) : sqliteBody(input);
  lines.push(`describe('${input.name}', () => {`);
  if (input.runner === 'mocha') {
    lines.push(`  it('${title}', async function () {`, `    this.timeout(${TIMEOUT});`);
  } else if (input.runner === 'node:test') {
    lines.push(`  it('${title}', { timeout: ${TIMEOUT} }, async () => {`);
  } else {
    lines.push(`  it('${title}', async () => {`);
  }
  lines.push(...body.map((l) => `    ${l}`));
  lines.push(input.runner === 'vitest' || input.runner === 'jest' ? `  }, ${TIMEOUT});` : '  });', '});', '');
  return lines.join('\n');
}

function runnerImports(runner: QueryTestRunner): string[] {
  switch (runner) {
    case 'vitest':
      return ["import { describe, expect, it } from 'vitest';"];
    case 'node:test':
      return ["import assert from 'node:assert/strict';", "import { describe, it } from 'node:test';"];
    case 'mocha':
      return ["import assert from 'node:assert/strict';"];
    case 'jest':
      return [];
  }
}

function assertion(runner: QueryTestRunner, actual: string): string {
  return runner === 'vitest' || runner === 'jest' ? `expect(${actual}).toEqual(EXPECTED);` : `assert.deepEqual(${actual}, EXPECTED);`;
}

function postgresBody(input: QueryTestInput): string[] {
  const clients: Record<QueryStyle, string[]> = {
    pg: ['const db = { query: (text: string, values: unknown[]) => pg.query(text, values) };'],
    typeorm: ['const db = { query: async (text: string, values: unknown[]) => (await pg.query(text, values)).rows };'],
    prisma: ['const db = {', '  $queryRaw: async <T,>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> =>', '    (await pg.query(query.reduce((text, part, i) => `${text}$${i}${part}`), values)).rows as T,', '};'],
    knex: ['const db = {', '  raw: async (text: string, bindings: readonly unknown[]) => {', '    let n = 0;', '    return (await pg.query(text.replace(/\\?/g, () => `$${++n}`), [...bindings])).rows;', '  },', '};'],
    drizzle: ['const db = drizzle(pg);'],
  };
  return [
    'const pg = await PGlite.create();',
    'try {',
    '  for (const statement of SCHEMA) {',
    '    await pg.exec(statement);',
    '  }',
    '  for (const [table, row] of ROWS) {',
    '    const columns = Object.keys(row);',
    '    await pg.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(\', \')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(\', \')})`, Object.values(row));',
    '  }',
    ...clients[input.style].map((l) => `  ${l}`),
    `  ${assertion(input.runner, `plain(await ${input.name}(db, PARAMS))`)}`,
    '} finally {',
    '  await pg.close();',
    '}',
  ];
}

function sqliteBody(input: QueryTestInput): string[] {
  const clients: Record<QueryStyle, string[]> = {
    pg: ['const db = { query: async (text: string, values: unknown[]) => ({ rows: all(text, values) }) };'],
    typeorm: ['const db = { query: async (text: string, values: unknown[]) => all(text, values) };'],
    prisma: ['const db = { $queryRaw: async <T,>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> => all(query.join(\'?\'), values) as T };'],
    knex: ['const db = { raw: async (text: string, bindings: readonly unknown[]) => all(text, [...bindings]) };'],
    drizzle: ['const db = { execute: async (text: string, values: unknown[]) => ({ rows: all(text, values) }) };'],
  };
  return [
    'const SQL = await initSqlJs();',
    'const sqlite = new SQL.Database();',
    'const all = (text: string, values: unknown[]): Record<string, unknown>[] => {',
    '  const statement = sqlite.prepare(text);',
    '  statement.bind(values as (string | number | null)[]);',
    '  const rows: Record<string, unknown>[] = [];',
    '  while (statement.step()) {',
    '    rows.push(statement.getAsObject());',
    '  }',
    '  statement.free();',
    '  return rows;',
    '};',
    'try {',
    '  for (const statement of SCHEMA) {',
    '    sqlite.run(statement);',
    '  }',
    '  for (const [table, row] of ROWS) {',
    '    const columns = Object.keys(row);',
    '    sqlite.run(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(\', \')}) VALUES (${columns.map(() => \'?\').join(\', \')})`, Object.values(row).map((v) => (typeof v === \'boolean\' ? Number(v) : v)));',
    '  }',
    ...clients[input.style].map((l) => `  ${l}`),
    `  ${assertion(input.runner, `plain(await ${input.name}(db, PARAMS))`)}`,
    '} finally {',
    '  sqlite.close();',
    '}',
  ];
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
