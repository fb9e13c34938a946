import { createSqlParser } from './sqlParserModule';
import { checkLiterals } from './checkLiterals';
import { checkReferences } from './checkReferences';
import { TIME_PARTS, wrongDialect } from './dialectFunctions';
import { functionName, isNode, walk, type AstNode } from './sqlAst';
import { emptyFindings, type SqlFindings } from './sqlFindings';
import type { SchemaModel, SqlDialect } from './schema/schemaModel';

const PARSER_DATABASE: Readonly<Record<SqlDialect, string>> = { postgres: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

/** The reserved parameter that carries the user's time zone (setting `routecraft.sql.timeZone`). */
export const TIME_ZONE_PARAMETER = 'timeZone';
/** The reserved parameter with the zone's UTC offset as an SQLite modifier (`+480 minutes`). */
export const TIME_ZONE_OFFSET_PARAMETER = 'timeZoneOffset';

export interface SqlCheckInput {
  readonly sql: string;
  readonly dialect: SqlDialect;
  readonly schema: SchemaModel;
  /** Names the answer declares (the time-zone parameter is always available). */
  readonly parameters: readonly string[];
  /** Writes (INSERT/UPDATE/DELETE) are refused unless the user allowed them. */
  readonly allowWrites: boolean;
  /** The IANA zone week/weekday/hour conditions are computed in. */
  readonly timeZone: string;
}

export interface SqlCheck extends SqlFindings {
  /** `select` (SELECT/WITH) or the write it is (`delete`, `update`, `insert`). */
  readonly statement?: string;
  /** Parameter names in order of first use. */
  readonly usedParameters: readonly string[];
}

/**
 * Checks an answer's SQL with a real parser in the project's dialect: one statement, read-only
 * unless allowed, tables and columns from the schema, joins along keys (warning), no inlined
 * literals, every :parameter declared and used, a LIMIT on open-ended reads, no function of
 * another dialect, and time parts (weekday, hour, week) taken in the user's time zone.
 */
export function validateSql(input: SqlCheckInput): SqlCheck {
  const findings = emptyFindings();
  const parser = createSqlParser();
  const database = PARSER_DATABASE[input.dialect];
  let parsed: unknown;
  try {
    parsed = parser.astify(input.sql, { database });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    return { errors: [`the SQL does not parse as ${input.dialect}: ${message}`], warnings: [], usedParameters: [] };
  }
  if (input.dialect === 'postgres' && /`/.test(input.sql.replace(/'(?:[^']|'')*'/g, "''"))) {
    findings.errors.push('backtick-quoted identifiers are MySQL; PostgreSQL quotes identifiers with "double quotes"');
  }
  const statements = (Array.isArray(parsed) ? parsed : [parsed]).filter(isNode);
  if (statements.length !== 1) {
    return { errors: [`the answer holds ${statements.length} statements; exactly one is allowed`], warnings: [], usedParameters: [] };
  }
  const ast = statements[0]!;
  const statement = String(ast['type']).toLowerCase();
  if (statement !== 'select') {
    if (!['insert', 'update', 'delete', 'replace'].includes(statement)) {
      findings.errors.push(`${statement.toUpperCase()} statements are never generated`);
    } else if (!input.allowWrites) {
      findings.errors.push(`the query writes data (${statement.toUpperCase()}); queries are read-only (SELECT/WITH) unless writes are explicitly allowed`);
    }
  }
  const render = (node: AstNode): string => {
    try {
      return parser.exprToSQL(node, { database });
    } catch {
      return JSON.stringify(node).slice(0, 80);
    }
  };
  checkReferences(ast, input.schema, findings);
  checkLiterals(ast, findings, render);
  const used = parameterNames(ast);
  const declared = new Set([...input.parameters, TIME_ZONE_PARAMETER, TIME_ZONE_OFFSET_PARAMETER]);
  for (const name of used.filter((n) => !declared.has(n))) {
    findings.errors.push(`:${name} is used in the SQL but not declared in "parameters"`);
  }
  for (const name of input.parameters.filter((n) => !used.includes(n))) {
    findings.warnings.push(`parameter "${name}" is declared but not used in the SQL`);
  }
  if (statement === 'select' && needsLimit(ast)) {
    findings.errors.push('an open-ended read needs a LIMIT (rows per group or per row can grow without bound)');
  }
  checkFunctions(ast, input, used, findings);
  return { ...findings, statement, usedParameters: used };
}

function checkFunctions(ast: AstNode, input: SqlCheckInput, used: readonly string[], findings: SqlFindings): void {
  let timeParts = false;
  walk(ast, (node) => {
    const fn = functionName(node);
    if (fn === undefined) {
      return;
    }
    const wrong = wrongDialect(fn, input.dialect);
    if (wrong && !findings.errors.includes(wrong)) {
      findings.errors.push(wrong);
    }
    timeParts ||= TIME_PARTS.has(fn);
  });
  if (!timeParts) {
    return;
  }
  if (input.dialect === 'sqlite') {
    if (!used.includes(TIME_ZONE_OFFSET_PARAMETER)) {
      findings.errors.push(`weekday/hour/week conditions ignore the time zone: SQLite has none, so shift timestamps with the :${TIME_ZONE_OFFSET_PARAMETER} modifier (strftime('%w', column, :${TIME_ZONE_OFFSET_PARAMETER})) for ${input.timeZone}`);
    }
  } else if (!used.includes(TIME_ZONE_PARAMETER)) {
    findings.errors.push(`weekday/hour/week conditions ignore the time zone: convert timestamps with ${input.dialect === 'postgres' ? 'timezone(:timeZone, column)' : 'CONVERT_TZ(column, \'UTC\', :timeZone)'} (the user's zone is ${input.timeZone})`);
  }
}

/** `:name` parameters in order of first use. */
function parameterNames(ast: AstNode): string[] {
  const names: string[] = [];
  walk(ast, (node) => {
    if (node['type'] === 'param' && typeof node['value'] === 'string' && !names.includes(node['value'])) {
      names.push(node['value']);
    }
  });
  return names;
}

/** A read without LIMIT is open-ended unless it aggregates everything into one row. */
function needsLimit(ast: AstNode): boolean {
  const limit = ast['limit'];
  if (isNode(limit) && Array.isArray(limit['value']) && limit['value'].length > 0) {
    return false;
  }
  const grouped = isNode(ast['groupby']) ? Array.isArray(ast['groupby']['columns']) && ast['groupby']['columns'].length > 0 : Array.isArray(ast['groupby']) && ast['groupby'].length > 0;
  if (grouped) {
    return true;
  }
  const columns = Array.isArray(ast['columns']) ? ast['columns'] : [];
  const allAggregates = columns.length > 0 && columns.every((c) => isNode(c) && isNode(c['expr']) && isAggregate(c['expr']));
  return !allAggregates;
}

function isAggregate(expr: AstNode): boolean {
  if (expr['type'] === 'aggr_func') {
    return true;
  }
  return expr['type'] === 'cast' && isNode(expr['expr']) && expr['expr']['type'] === 'aggr_func';
}
