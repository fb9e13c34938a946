import { Node, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from './schemaModel';
import { prop, text, stringOf, snake } from './astValues';
import { readTableCalls } from './tableCalls';

const DATA_TYPES: Readonly<Record<string, ColumnKind>> = {
  STRING: 'text', CHAR: 'text', TEXT: 'text', CITEXT: 'text', INTEGER: 'integer', SMALLINT: 'integer', MEDIUMINT: 'integer', TINYINT: 'integer', BIGINT: 'bigint',
  FLOAT: 'float', REAL: 'float', DOUBLE: 'float', DECIMAL: 'decimal', BOOLEAN: 'boolean', DATE: 'timestamp', DATEONLY: 'date', TIME: 'text',
  UUID: 'uuid', UUIDV4: 'uuid', JSON: 'json', JSONB: 'json', BLOB: 'bytes', ENUM: 'enum',
};

/**
 * Reads Sequelize models: `sequelize.define('User', { …attributes }, { tableName, underscored, timestamps })`
 * and `User.init({ …attributes }, { sequelize, tableName, … })`. Attributes: `type: DataTypes.X`,
 * `allowNull`, `primaryKey`, `autoIncrement`, `unique`, `defaultValue`, `field`, `comment`,
 * `references: { model, key }`, `DataTypes.ENUM('a', 'b')`. Without `tableName` the table is the
 * model name + "s" (Sequelize pluralizes); `timestamps` (default true) adds createdAt/updatedAt.
 */
export function readSequelize(files: readonly SourceFile[], relativePath: (file: SourceFile) => string): SchemaModel {
  return readTableCalls('sequelize', files, relativePath, (call, callee, enums, evidence) => {
    const method = callee.getName();
    const args = call.getArguments();
    const [attributes, options] = method === 'define' ? [args[1], args[2]] : method === 'init' ? [args[0], args[1]] : [undefined, undefined];
    if (!attributes || !Node.isObjectLiteralExpression(attributes)) {
      return undefined;
    }
    const modelName = method === 'define' ? stringOf(args[0]) : callee.getExpression().getText();
    const opts = options && Node.isObjectLiteralExpression(options) ? options : undefined;
    if (!modelName || (method === 'init' && !opts?.getProperty('sequelize'))) {
      return undefined;
    }
    return readModel(modelName, attributes, opts, enums, evidence);
  });
}

function readModel(model: string, attributes: ObjectLiteralExpression, options: ObjectLiteralExpression | undefined, enums: SchemaEnum[], evidence: string): SchemaTable {
  const underscored = text(options, 'underscored') === 'true';
  const name = stringOf(prop(options, 'tableName')) ?? `${model}s`;
  const columns: SchemaColumn[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const attribute of attributes.getProperties()) {
    if (!Node.isPropertyAssignment(attribute)) {
      continue;
    }
    const key = attribute.getName().replace(/^['"]|['"]$/g, '');
    const init = attribute.getInitializer();
    const def = init && Node.isObjectLiteralExpression(init) ? init : undefined;
    const typeNode = def ? prop(def, 'type') : init;
    const typeText = typeNode?.getText() ?? 'DataTypes.STRING';
    const typeName = /(?:DataTypes|Sequelize)\.(\w+)/.exec(typeText)?.[1] ?? 'STRING';
    const kind = DATA_TYPES[typeName] ?? 'text';
    const field = stringOf(prop(def, 'field')) ?? (underscored ? snake(key) : key);
    let enumName: string | undefined;
    if (kind === 'enum') {
      enumName = `enum_${name}_${field}`;
      enums.push({ name: enumName, values: [...typeText.matchAll(/['"]([^'"]*)['"]/g)].map((m) => m[1]!) });
    }
    const primaryKey = text(def, 'primaryKey') === 'true';
    const generated = text(def, 'autoIncrement') === 'true';
    const comment = stringOf(prop(def, 'comment'));
    // DataTypes.DATE is TIMESTAMP WITH TIME ZONE on Postgres.
    columns.push(column(field, kind, typeName === 'DATE' ? `${typeText} (timestamp with time zone)` : typeText, {
      nullable: !primaryKey && text(def, 'allowNull') !== 'false',
      primaryKey,
      generated,
      hasDefault: generated || prop(def, 'defaultValue') !== undefined,
      unique: text(def, 'unique') === 'true',
      ...(enumName ? { enumName } : {}),
      ...(comment ? { comment } : {}),
    }));
    const references = prop(def, 'references');
    if (references && Node.isObjectLiteralExpression(references)) {
      const table = stringOf(prop(references, 'model'));
      if (table) {
        foreignKeys.push({ columns: [field], table, referencedColumns: [stringOf(prop(references, 'key')) ?? 'id'] });
      }
    }
  }
  if (text(options, 'timestamps') !== 'false') {
    for (const stamp of ['createdAt', 'updatedAt']) {
      const field = underscored ? snake(stamp) : stamp;
      if (text(options, stamp) !== 'false' && !columns.some((c) => c.name === field)) {
        columns.push(column(field, 'timestamp', 'DataTypes.DATE (timestamps, timestamp with time zone)', { generated: true, hasDefault: true }));
      }
    }
  }
  if (!columns.some((c) => c.primaryKey)) {
    columns.unshift(column('id', 'integer', 'DataTypes.INTEGER (implicit)', { primaryKey: true, generated: true, hasDefault: true }));
  }
  return { name, columns, primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name), foreignKeys, evidence };
}
