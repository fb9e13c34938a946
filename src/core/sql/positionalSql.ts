import type { SqlDialect } from './schema/schemaModel';

/** SQL with `:name` placeholders turned into the driver's positional ones, and the names in order. */
export interface PositionalSql {
  readonly text: string;
  /** The parameter name of each positional slot ($1, $2 … or each ?). */
  readonly order: readonly string[];
}

/**
 * `:name` → `$1` (Postgres; a repeated name reuses its number) or `?` (SQLite, MySQL; repeated
 * names repeat). Quoted text, comments and `::casts` are left alone.
 */
export function toPositional(sql: string, dialect: SqlDialect): PositionalSql {
  const order: string[] = [];
  const text = mapPlaceholders(sql, (name) => {
    if (dialect === 'postgres') {
      const index = order.indexOf(name);
      if (index !== -1) {
        return `$${index + 1}`;
      }
      order.push(name);
      return `$${order.length}`;
    }
    order.push(name);
    return '?';
  });
  return { text, order };
}

/** Replaces each `:name` placeholder outside quotes and comments with `replace(name)`. */
export function mapPlaceholders(sql: string, replace: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = closing(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === ':' && sql[i + 1] === ':') {
      out += '::';
      i += 2;
    } else if (ch === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      out += replace(name);
      i += 1 + name.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}
