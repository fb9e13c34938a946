import { Node, type ClassDeclaration, type Decorator, type PropertyDeclaration, type SourceFile } from 'ts-morph';
import { kindOfSqlType } from './columnKind';
import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from './schemaModel';
import { snake } from './astValues';

const COLUMN_DECORATORS = new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn']);

interface Entity {
  readonly cls: ClassDeclaration;
  readonly table: string;
  readonly file: SourceFile;
}

/** Reads TypeORM `@Entity` classes (columns, primary keys, @ManyToOne/@JoinColumn keys, enums). */
export function readTypeorm(files: readonly SourceFile[], relativePath: (file: SourceFile) => string): SchemaModel {
  const entities: Entity[] = [];
  for (const file of files) {
    for (const cls of file.getClasses()) {
      const entity = cls.getDecorator('Entity');
      if (entity) {
        entities.push({ cls, file, table: entityName(entity) ?? snake(cls.getName() ?? 'entity') });
      }
    }
  }
  const enums: SchemaEnum[] = [];
  const tables: SchemaTable[] = entities.map((entity) => {
    const columns: SchemaColumn[] = [];
    const foreignKeys: ForeignKey[] = [];
    for (const prop of entity.cls.getProperties()) {
      const decorator = prop.getDecorators().find((d) => COLUMN_DECORATORS.has(d.getName()));
      if (decorator) {
        columns.push(entityColumn(prop, decorator, enums));
      }
      const relation = prop.getDecorator('ManyToOne') ?? (prop.getDecorator('OneToOne') && prop.getDecorator('JoinColumn') ? prop.getDecorator('OneToOne') : undefined);
      if (relation) {
        const targetClass = /=>\s*(\w+)/.exec(relation.getArguments()[0]?.getText() ?? '')?.[1];
        const target = entities.find((e) => e.cls.getName() === targetClass);
        const joinName = optionString(prop.getDecorator('JoinColumn'), 'name') ?? `${prop.getName()}Id`;
        const targetPk = target?.cls.getProperties().find((p) => p.getDecorator('PrimaryGeneratedColumn') ?? p.getDecorator('PrimaryColumn'));
        const targetPkName = targetPk ? optionString(targetPk.getDecorator('PrimaryGeneratedColumn') ?? targetPk.getDecorator('PrimaryColumn'), 'name') ?? targetPk.getName() : 'id';
        if (target) {
          foreignKeys.push({ columns: [joinName], table: target.table, referencedColumns: [targetPkName] });
          if (!columns.some((c) => c.name === joinName) && !entity.cls.getProperties().some((p) => (optionString(p.getDecorator('Column'), 'name') ?? p.getName()) === joinName)) {
            columns.push(column(joinName, 'integer', 'join column', { nullable: optionText(relation, 'nullable') !== 'false' }));
          }
        }
      }
    }
    return {
      name: entity.table,
      columns,
      primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name),
      foreignKeys,
      evidence: `${relativePath(entity.file)}:${entity.cls.getStartLineNumber()}`,
    };
  });
  return { source: 'typeorm', tables, enums, files: [...new Set(entities.map((e) => relativePath(e.file)))] };
}

function entityColumn(prop: PropertyDeclaration, decorator: Decorator, enums: SchemaEnum[]): SchemaColumn {
  const kindOfDecorator = decorator.getName();
  const first = decorator.getArguments()[0];
  const typeOption = first && Node.isStringLiteral(first) ? first.getLiteralValue() : optionString(decorator, 'type');
  const name = optionString(decorator, 'name') ?? prop.getName();
  const tsType = prop.getTypeNode()?.getText() ?? 'string';
  const enumRef = optionText(decorator, 'enum');
  let kind: ColumnKind;
  let enumName: string | undefined;
  if (typeOption === 'enum' && enumRef) {
    kind = 'enum';
    enumName = optionString(decorator, 'enumName') ?? enumRef;
    const values = enumValues(prop.getSourceFile(), enumRef);
    if (!enums.some((e) => e.name === enumName)) {
      enums.push({ name: enumName, values });
    }
  } else if (/Date/.test(kindOfDecorator)) {
    kind = 'timestamp';
  } else if (typeOption) {
    kind = kindOfSqlType(typeOption);
  } else {
    kind = /\bnumber\b/.test(tsType) ? 'integer' : /\bboolean\b/.test(tsType) ? 'boolean' : /\bDate\b/.test(tsType) ? 'timestamp' : 'text';
  }
  const primaryKey = kindOfDecorator.startsWith('Primary');
  const generated = kindOfDecorator === 'PrimaryGeneratedColumn' || /Create|Update|Version/.test(kindOfDecorator);
  const comment = optionString(decorator, 'comment');
  return column(name, kindOfDecorator === 'PrimaryGeneratedColumn' && typeOption === 'uuid' ? 'uuid' : kind, typeOption ?? tsType, {
    nullable: optionText(decorator, 'nullable') === 'true' || kindOfDecorator === 'DeleteDateColumn',
    primaryKey,
    generated,
    hasDefault: generated || optionText(decorator, 'default') !== undefined,
    unique: optionText(decorator, 'unique') === 'true',
    ...(enumName ? { enumName } : {}),
    ...(comment ? { comment } : {}),
  });
}

function enumValues(file: SourceFile, name: string): string[] {
  const decl = file.getEnum(name);
  if (decl) {
    return decl.getMembers().map((m) => String(m.getValue() ?? m.getName()));
  }
  const imported = file.getImportDeclarations().find((i) => i.getNamedImports().some((n) => n.getName() === name))?.getModuleSpecifierSourceFile();
  return imported?.getEnum(name)?.getMembers().map((m) => String(m.getValue() ?? m.getName())) ?? [];
}

function entityName(decorator: Decorator): string | undefined {
  const first = decorator.getArguments()[0];
  return first && Node.isStringLiteral(first) ? first.getLiteralValue() : optionString(decorator, 'name');
}

function optionText(decorator: Decorator | undefined, key: string): string | undefined {
  const options = decorator?.getArguments().find(Node.isObjectLiteralExpression);
  const prop = options?.getProperty(key);
  return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer()?.getText() : undefined;
}

function optionString(decorator: Decorator | undefined, key: string): string | undefined {
  const text = optionText(decorator, key);
  return text && /^['"`]/.test(text) ? text.slice(1, -1) : undefined;
}
