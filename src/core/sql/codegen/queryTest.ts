import { VariableDeclarationKind, type ImportDeclarationStructure, type OptionalKind, type VariableStatementStructure } from 'ts-morph';
import { createCodeProject, formatSourceFile } from '../../codegen/shared/codeStyle';
import { DEFAULT_STYLE } from '../../project/detectStyle';
import type { ResultValue } from '../embedded/resultValues';
import type { SqlScalar } from '../sqlAnswer';
import type { QueryStyle, QueryTestRunner } from './dataLayer';
import { pascal } from './queryFunction';

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
 * the rows the proof returned. Built from ts-morph structures, then formatted.
 */
export function renderQueryTest(input: QueryTestInput): string {
  const project = createCodeProject(DEFAULT_STYLE);
  const file = project.createSourceFile(`/${input.name}.test.ts`, '');
  file.addImportDeclarations([
    ...runnerImports(input.runner),
    input.engine === 'postgres' ? { moduleSpecifier: '@electric-sql/pglite', namedImports: ['PGlite'] } : { moduleSpecifier: 'sql.js', defaultImport: 'initSqlJs' },
    ...(input.style === 'drizzle' ? [{ moduleSpecifier: input.engine === 'postgres' ? 'drizzle-orm/pglite' : 'drizzle-orm/sql-js', namedImports: ['drizzle'] }] : []),
    { moduleSpecifier: input.importPath, namedImports: [{ name: input.name }, { name: `${pascal(input.name)}Params`, isTypeOnly: true }] },
  ]);
  const constant = (name: string, type: string | undefined, value: unknown): OptionalKind<VariableStatementStructure> => ({
    leadingTrivia: (writer) => writer.blankLine(),
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type, initializer: JSON.stringify(value, undefined, 2) }],
  });
  file.addVariableStatements([
    { ...constant('SCHEMA', 'string[]', input.ddl), leadingTrivia: undefined },
    {
      leadingTrivia: (writer) => writer.blankLine(),
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{
        name: 'ROWS',
        type: '[string, Record<string, string | number | boolean | null>][]',
        initializer: (writer) => {
          writer.write('[').newLine();
          for (const r of input.rows) {
            writer.indent().write(`[${JSON.stringify(r.table)}, ${JSON.stringify(r.row)}],`).newLine();
          }
          writer.write(']');
        },
      }],
    },
    constant('PARAMS', `${pascal(input.name)}Params`, input.params),
    constant('EXPECTED', undefined, input.expected),
  ]);
  file.addFunction({
    name: 'plain',
    docs: ['Dates as ISO text and big integers as numbers, so rows compare as plain data.'],
    parameters: [{ name: 'rows', type: 'unknown' }],
    returnType: 'unknown',
    statements: ["return JSON.parse(JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)));"],
  });
  const title = `returns the proven rows on fixture rows (time zone ${input.timeZone})`;
  const body = input.engine === 'postgres' ? postgresBody(input) : sqliteBody(input);
  file.addStatements((writer) => {
    writer.blankLine();
    writer.write(`describe(${quoted(input.name)}, () => `).inlineBlock(() => {
      const opening = input.runner === 'mocha' ? 'async function () ' : input.runner === 'node:test' ? `{ timeout: ${TIMEOUT} }, async () => ` : 'async () => ';
      writer.write(`it(${quoted(title)}, ${opening}`).inlineBlock(() => {
        if (input.runner === 'mocha') {
          writer.writeLine(`this.timeout(${TIMEOUT});`);
        }
        for (const line of body) {
          writer.writeLine(line);
        }
      });
      writer.write(input.runner === 'vitest' || input.runner === 'jest' ? `, ${TIMEOUT});` : ');').newLine();
    });
    writer.write(');').newLine();
  });
  formatSourceFile(file, DEFAULT_STYLE);
  return file.getFullText().replace(/\n+$/, '\n');
}

/** A single-quoted string literal. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function runnerImports(runner: QueryTestRunner): OptionalKind<ImportDeclarationStructure>[] {
  switch (runner) {
    case 'vitest':
      return [{ moduleSpecifier: 'vitest', namedImports: ['describe', 'expect', 'it'] }];
    case 'node:test':
      return [{ moduleSpecifier: 'node:assert/strict', defaultImport: 'assert' }, { moduleSpecifier: 'node:test', namedImports: ['describe', 'it'] }];
    case 'mocha':
      return [{ moduleSpecifier: 'node:assert/strict', defaultImport: 'assert' }];
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
    drizzle: ['const db = drizzle(sqlite);'],
  };
  return [
    'const SQL = await initSqlJs();',
    'const sqlite = new SQL.Database();',
    // Drizzle runs the query through its own sql.js driver; the others through this helper.
    ...(input.style === 'drizzle' ? [] : [
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
    ]),
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

