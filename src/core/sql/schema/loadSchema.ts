import { join, relative } from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import { createNodeProjectFs, projectPath } from '../../project/nodeProjectFs';
import type { ProjectFs } from '../../project/projectFs';
import { readDrizzle } from './readDrizzle';
import { readKnex } from './readKnex';
import { readMikroOrm } from './readMikroOrm';
import { readPrisma } from './readPrisma';
import { readSequelize } from './readSequelize';
import { readSqlMigrations } from './readSqlMigrations';
import { readTypeorm } from './readTypeorm';
import type { SchemaModel } from './schemaModel';

const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', '.next', '.turbo']);
const MAX_FILES = 2000;

/** The outcome of looking for a schema: found, or what was looked for. */
export type SchemaLookup = { readonly kind: 'ok'; readonly schema: SchemaModel } | { readonly kind: 'none'; readonly lookedFor: string };

/**
 * Reads the project's schema from what it already has, first match wins: Prisma (`schema.prisma`),
 * Drizzle tables, MikroORM entities (decorators importing @mikro-orm/*), TypeORM entities, Sequelize
 * models, Knex migrations (`schema.createTable`, in path order), plain `.sql` migrations (in path order).
 * `fs` reads the project (default: the folder on disk).
 */
export async function loadSchema(root: string, fs: ProjectFs = createNodeProjectFs(root)): Promise<SchemaLookup> {
  const readFile = (absolute: string): Promise<string> => fs.readFile(projectPath(root, absolute));
  const files = await walk(root, fs);
  const rel = (path: string): string => relative(root, path).split('\\').join('/');
  const prisma = files.find((f) => f.endsWith('schema.prisma'));
  if (prisma) {
    return { kind: 'ok', schema: readPrisma(await readFile(prisma), rel(prisma)) };
  }
  const sources = files.filter((f) => /\.(?:ts|mts|cts|js|mjs)$/.test(f) && !/\.(?:test|spec)\.[cm]?[tj]s$/.test(f) && !f.endsWith('.d.ts'));
  const texts = await Promise.all(sources.map(async (path) => ({ path, text: await readFile(path) })));
  const drizzle = texts.filter((t) => /\b(?:pgTable|sqliteTable|mysqlTable)\s*\(/.test(t.text));
  const decorated = texts.filter((t) => /@Entity\s*\(/.test(t.text));
  const mikro = decorated.filter((t) => /from ['"]@mikro-orm\//.test(t.text));
  const typeorm = decorated.filter((t) => !mikro.includes(t));
  const sequelize = texts.filter((t) => /from ['"]sequelize['"]|require\(['"]sequelize['"]\)/.test(t.text) && /\.(?:define|init)\s*\(/.test(t.text));
  const knex = texts.filter((t) => /\bschema\s*\.\s*createTable(?:IfNotExists)?\s*\(/.test(t.text)).sort((a, b) => a.path.localeCompare(b.path));
  const readers: readonly (readonly [typeof texts, (files: SourceFile[], relativePath: (file: SourceFile) => string) => SchemaModel])[] = [
    [drizzle, readDrizzle], [mikro, readMikroOrm], [typeorm, readTypeorm], [sequelize, readSequelize], [knex, readKnex],
  ];
  const found = readers.find(([list]) => list.length > 0);
  if (found) {
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
    const load = (list: typeof texts): SourceFile[] => list.map((t) => project.createSourceFile(t.path, t.text, { overwrite: true }));
    // Enums the entities import are read from their files too.
    load(texts.filter((t) => /\benum\s+\w+/.test(t.text) && !found[0].includes(t)));
    const schema = found[1](load(found[0]), (f) => rel(f.getFilePath()));
    if (schema.tables.length > 0) {
      return { kind: 'ok', schema };
    }
  }
  const migrations = files.filter((f) => f.endsWith('.sql') && /migration|schema|db/i.test(rel(f))).sort();
  if (migrations.length > 0) {
    const read = await Promise.all(migrations.map(async (path) => ({ path: rel(path), text: await readFile(path) })));
    const schema = readSqlMigrations(read);
    if (schema.tables.length > 0) {
      return { kind: 'ok', schema };
    }
  }
  return { kind: 'none', lookedFor: 'schema.prisma, Drizzle pgTable/sqliteTable/mysqlTable calls, MikroORM or TypeORM @Entity classes, Sequelize define/init models, Knex createTable migrations, .sql migrations' };
}

async function walk(root: string, fs: ProjectFs): Promise<string[]> {
  const out: string[] = [];
  const queue = [root];
  while (queue.length > 0 && out.length < MAX_FILES) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = [...(await fs.readdir(projectPath(root, dir)))];
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory && !SKIP.has(entry.name) && !entry.name.startsWith('.')) {
        queue.push(join(dir, entry.name));
      } else if (!entry.isDirectory) {
        out.push(join(dir, entry.name));
      }
    }
  }
  return out;
}
