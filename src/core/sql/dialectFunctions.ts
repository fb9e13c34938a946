import type { SqlDialect } from './schema/schemaModel';

/** Functions that exist in some dialects only: using one elsewhere is the "wrong dialect" mistake. */
const ONLY_IN: Readonly<Record<string, readonly SqlDialect[]>> = {
  date_trunc: ['postgres'], to_char: ['postgres'], timezone: ['postgres'], date_part: ['postgres'], age: ['postgres'], generate_series: ['postgres'],
  extract: ['postgres', 'mysql'], now: ['postgres', 'mysql'],
  strftime: ['sqlite'], julianday: ['sqlite'], datetime: ['sqlite'], unixepoch: ['sqlite'],
  date_format: ['mysql'], dayofweek: ['mysql'], weekday: ['mysql'], convert_tz: ['mysql'], yearweek: ['mysql'], str_to_date: ['mysql'], ifnull: ['mysql', 'sqlite'],
};

const NAMES: Readonly<Record<SqlDialect, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite' };

/** Why `fn` does not belong in `dialect`, or undefined when it may. */
export function wrongDialect(fn: string, dialect: SqlDialect): string | undefined {
  const allowed = ONLY_IN[fn];
  if (!allowed || allowed.includes(dialect)) {
    return undefined;
  }
  return `${fn}() is ${allowed.map((d) => NAMES[d]).join('/')}, not ${NAMES[dialect]}: this project's database is ${NAMES[dialect]}`;
}

/** Functions that read a weekday, hour or week from a timestamp: time-zone sensitive. */
export const TIME_PARTS = new Set(['date_trunc', 'extract', 'date_part', 'to_char', 'strftime', 'dayofweek', 'weekday', 'hour', 'yearweek', 'date_format', 'week']);
