import { posix } from 'node:path';
import type { ChangeSet, FileChange } from '../../changes/changeSet';
import { addDependencyChange } from '../../project/addDependencyChange';
import { createNodeProjectFiles } from '../../project/nodeProjectFs';
import type { ProjectFiles } from '../../project/projectFs';
import type { ProvenQuery } from '../askForQuery';
import { schemaDdl } from '../ddl';
import type { SchemaModel, SqlDialect } from '../schema/schemaModel';
import type { DataLayer } from './dataLayer';
import { renderQueryFunction } from './queryFunction';
import { renderQueryTest, testDependencies } from './queryTest';

export interface QueryChangeInput {
  readonly root: string;
  readonly question: string;
  readonly dialect: SqlDialect;
  readonly schema: SchemaModel;
  readonly layer: DataLayer;
  readonly query: ProvenQuery;
  readonly timeZone: string;
}

/**
 * The proposed change: the typed function in the data layer, its test against the embedded engine
 * (none for MySQL, which has no engine here), and the engine as a devDependency when missing.
 */
export function buildQueryChangeSet(input: QueryChangeInput): ChangeSet {
  const { query, layer } = input;
  const project = createNodeProjectFiles(input.root);
  const name = query.answer.functionName;
  const used = query.check.usedParameters;
  const declared = new Map(query.answer.parameters.map((p) => [p.name, p]));
  const parameters = used.map((n) => declared.get(n) ?? { name: n, value: query.parameterValues[n] ?? null, description: n === 'timeZone' ? 'IANA time zone for weekday/hour/week, e.g. Europe/Paris' : 'UTC offset as an SQLite modifier, e.g. +60 minutes' });
  const columns = (query.proof?.columns ?? []).map((c) => ({ name: c, type: query.proof?.types[c] ?? 'unknown' }));
  const functionPath = posix.join(layer.dir, `${name}.ts`);
  const files: FileChange[] = [change(project, functionPath, renderQueryFunction({
    name, question: input.question, sql: query.sql, dialect: input.dialect, style: layer.style, parameters, columns, assumptions: query.answer.assumptions,
  }))];
  if (query.proof && input.dialect !== 'mysql') {
    const testPath = posix.join(layer.testDir, `${name}.test.ts`);
    let importPath = posix.relative(posix.dirname(testPath), functionPath.replace(/\.ts$/, layer.esm ? '.js' : ''));
    importPath = importPath.startsWith('.') ? importPath : `./${importPath}`;
    files.push(change(project, testPath, renderQueryTest({
      name,
      importPath,
      engine: input.dialect,
      style: layer.style,
      runner: layer.runner,
      ddl: schemaDdl(input.schema, input.dialect),
      rows: query.rows.flatMap((t) => t.rows.map((row) => ({ table: t.table.name, row }))),
      params: Object.fromEntries(used.map((n) => [n, query.parameterValues[n] ?? null])),
      expected: query.proof.rows,
      timeZone: input.timeZone,
    })));
    const before = project.read('package.json');
    if (before !== undefined) {
      let after = before;
      for (const dep of testDependencies(input.dialect)) {
        after = addDependencyChange(after, dep.name, dep.range, 'devDependencies');
      }
      if (after !== before) {
        files.push({ path: 'package.json', before, after });
      }
    }
  }
  return { root: input.root, files, summary: `Add query ${name}` };
}

function change(project: ProjectFiles, path: string, after: string): FileChange {
  return { path, before: project.read(path), after };
}
