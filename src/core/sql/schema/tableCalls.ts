import { Node, type CallExpression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import type { SchemaEnum, SchemaModel, SchemaSource, SchemaTable } from './schemaModel';

/** Reads the table a method call declares (`knex.schema.createTable(…)`, `sequelize.define(…)`), or undefined for any other call. */
export type TableCallReader = (call: CallExpression, callee: PropertyAccessExpression, enums: SchemaEnum[], evidence: string) => SchemaTable | undefined;

/**
 * The schema of sources that declare each table by a method call: every `x.method(…)` call of the
 * files (in their order) goes to `readCall`, with its evidence (`file:line`) and the enums found so
 * far; the model lists the files that declared a table.
 */
export function readTableCalls(source: SchemaSource, files: readonly SourceFile[], relativePath: (file: SourceFile) => string, readCall: TableCallReader): SchemaModel {
  const tables: SchemaTable[] = [];
  const enums: SchemaEnum[] = [];
  const used = new Set<string>();
  for (const file of files) {
    const path = relativePath(file);
    for (const call of file.getDescendants().filter(Node.isCallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) {
        continue;
      }
      const table = readCall(call, callee, enums, `${path}:${call.getStartLineNumber()}`);
      if (table) {
        used.add(path);
        tables.push(table);
      }
    }
  }
  return { source, tables, enums, files: [...used] };
}
