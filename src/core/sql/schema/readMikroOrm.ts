import { Node, type Decorator, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { kindOfSqlType } from './columnKind';
import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from './schemaModel';
import { prop, text, stringOf, snake } from './astValues';

/** MikroORM's `type` option (or TypeScript type) → kind. */
const TYPES: Readonly<Record<string, ColumnKind>> = {
  number: 'integer', integer: 'integer', int: 'integer', smallint: 'integer', bigint: 'bigint', string: 'text', text: 'text', boolean: 'boolean',
  Date: 'timestamp', date: 'date', datetime: 'timestamp', DateType: 'date', json: 'json', JsonType: 'json', uuid: 'uuid', decimal: 'decimal', double: 'float', float: 'float',
};

/**
 * Reads MikroORM entities declared with decorators (`@Entity({ tableName })`, `@PrimaryKey`,
 * `@Property({ fieldName, type, nullable, unique, default, comment })`, `@Enum(() => E)`,
 * `@ManyToOne(() => Target)`) with MikroORM's default UnderscoreNamingStrategy: class `UserLogin` →
 * table `user_login`, property `loggedInAt` → column `logged_in_at`, relation `user` → `user_id`.
 */
export function readMikroOrm(files: readonly SourceFile[], relativePath: (file: SourceFile) => string): SchemaModel {
  const entities = files.flatMap((file) => file.getClasses().flatMap((cls) => {
    const decorator = cls.getDecorator('Entity');
    return decorator ? [{ cls, file, table: stringOf(prop(options(decorator), 'tableName')) ?? snake(cls.getName() ?? 'entity') }] : [];
  }));
  const enums: SchemaEnum[] = [];
  const tables: SchemaTable[] = entities.map(({ cls, file, table }) => {
    const columns: SchemaColumn[] = [];
    const foreignKeys: ForeignKey[] = [];
    for (const property of cls.getProperties()) {
      const decorator = property.getDecorators().find((d) => ['PrimaryKey', 'Property', 'Enum', 'ManyToOne', 'OneToOne'].includes(d.getName()));
      if (!decorator) {
        continue;
      }
      const kindName = decorator.getName();
      const opts = options(decorator);
      const optional = property.hasQuestionToken() || text(opts, 'nullable') === 'true';
      if (kindName === 'ManyToOne' || kindName === 'OneToOne') {
        const targetName = /=>\s*(\w+)/.exec(decorator.getArguments()[0]?.getText() ?? '')?.[1] ?? property.getTypeNode()?.getText();
        const target = entities.find((e) => e.cls.getName() === targetName);
        if (kindName === 'OneToOne' && text(opts, 'owner') !== 'true') {
          continue;
        }
        const name = stringOf(prop(opts, 'fieldName')) ?? `${snake(property.getName())}_id`;
        columns.push(column(name, 'integer', `${kindName} ${targetName ?? ''}`.trim(), { nullable: optional }));
        if (target) {
          const pk = target.cls.getProperties().find((p) => p.getDecorator('PrimaryKey'));
          foreignKeys.push({ columns: [name], table: target.table, referencedColumns: [pk ? stringOf(prop(options(pk.getDecorator('PrimaryKey')!), 'fieldName')) ?? snake(pk.getName()) : 'id'] });
        }
        continue;
      }
      const name = stringOf(prop(opts, 'fieldName')) ?? snake(property.getName());
      const typeOption = stringOf(prop(opts, 'type')) ?? prop(opts, 'type')?.getText();
      const tsType = property.getTypeNode()?.getText().replace(/\s*\|\s*(null|undefined)/g, '') ?? 'string';
      let kind: ColumnKind = TYPES[typeOption ?? ''] ?? (typeOption ? kindOfSqlType(typeOption) : TYPES[tsType] ?? 'text');
      let enumName: string | undefined;
      if (kindName === 'Enum') {
        const enumRef = /=>\s*(\w+)/.exec(decorator.getArguments()[0]?.getText() ?? '')?.[1] ?? tsType;
        kind = 'enum';
        enumName = enumRef;
        if (!enums.some((e) => e.name === enumRef)) {
          enums.push({ name: enumRef, values: enumValues(file, enumRef) });
        }
      }
      const primaryKey = kindName === 'PrimaryKey';
      const comment = stringOf(prop(opts, 'comment'));
      // MikroORM maps Date (DateTimeType) to timestamptz on Postgres.
      const sourceType = typeOption ?? (kind === 'timestamp' ? `${tsType} (timestamptz)` : tsType);
      columns.push(column(name, kind, sourceType, {
        nullable: !primaryKey && optional,
        primaryKey,
        generated: primaryKey && (kind === 'integer' || kind === 'bigint') && text(opts, 'autoincrement') !== 'false',
        hasDefault: prop(opts, 'default') !== undefined || prop(opts, 'defaultRaw') !== undefined || property.hasInitializer(),
        unique: text(opts, 'unique') === 'true',
        ...(enumName ? { enumName } : {}),
        ...(comment ? { comment } : {}),
      }));
    }
    return { name: table, columns, primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name), foreignKeys, evidence: `${relativePath(file)}:${cls.getStartLineNumber()}` };
  });
  return { source: 'mikro-orm', tables, enums, files: [...new Set(entities.map((e) => relativePath(e.file)))] };
}

function options(decorator: Decorator): ObjectLiteralExpression | undefined {
  return decorator.getArguments().find(Node.isObjectLiteralExpression);
}

function enumValues(file: SourceFile, name: string): string[] {
  const local = file.getEnum(name);
  const decl = local ?? file.getImportDeclarations().find((i) => i.getNamedImports().some((n) => n.getName() === name))?.getModuleSpecifierSourceFile()?.getEnum(name);
  return decl?.getMembers().map((m) => String(m.getValue() ?? m.getName())) ?? [];
}
