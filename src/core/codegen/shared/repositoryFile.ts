import { Scope, type ClassDeclarationStructure, type InterfaceDeclarationStructure, type OptionalKind, type PropertyDeclarationStructure } from 'ts-morph';
import type { GeneratedFile } from '../types';
import type { GenerationContext } from './generationContext';
import { ensureImport, relativeModule } from './imports';
import { finishFile, openFile } from './sourceFiles';

/** The names a CRUD resource's repository exports. */
export function repositoryNames(ctx: GenerationContext): { readonly interfaceName: string; readonly className: string } {
  return { interfaceName: `${ctx.names.Pascal}Repository`, className: `InMemory${ctx.names.Pascal}Repository` };
}

/**
 * The repository port and its in-memory implementation (`src/repositories/productRepository.ts`),
 * for CRUD specs only. An existing interface or class of the same name is left alone.
 */
export function buildRepositoryFile(ctx: GenerationContext): GeneratedFile | undefined {
  const crud = ctx.input.spec.crud;
  if (!crud) {
    return undefined;
  }
  const { Pascal, plural } = ctx.names;
  const { interfaceName, className } = repositoryNames(ctx);
  const idType = crud.idFormat === 'integer' ? 'number' : 'string';
  const idField = crud.idField;
  const open = openFile(ctx, ctx.paths.repository);
  const { file } = open;
  const ext = ctx.input.options.importExtension;
  let changed = ensureImport(file, {
    moduleSpecifier: relativeModule(ctx.paths.repository, ctx.paths.schemas, ext),
    named: [{ name: Pascal, typeOnly: true }, { name: `${Pascal}Input`, typeOnly: true }],
  });
  if (crud.idFormat === 'uuid') {
    changed = ensureImport(file, { moduleSpecifier: 'node:crypto', named: [{ name: 'randomUUID' }] }) || changed;
  }
  if (!file.getInterface(interfaceName)) {
    const port: OptionalKind<InterfaceDeclarationStructure> = {
      name: interfaceName,
      isExported: true,
      docs: [`Where ${plural} are stored. The in-memory implementation below is the default; swap in a database-backed one.`],
      methods: [
        { name: 'list', returnType: `Promise<${Pascal}[]>` },
        { name: 'get', parameters: [{ name: 'id', type: idType }], returnType: `Promise<${Pascal} | undefined>` },
        { name: 'create', parameters: [{ name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal}>` },
        { name: 'update', parameters: [{ name: 'id', type: idType }, { name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal} | undefined>` },
        { name: 'delete', parameters: [{ name: 'id', type: idType }], returnType: 'Promise<boolean>' },
      ],
    };
    file.addInterface(port);
    changed = true;
  }
  if (!file.getClass(className)) {
    const properties: OptionalKind<PropertyDeclarationStructure>[] = [
      { name: 'items', scope: Scope.Private, isReadonly: true, initializer: `new Map<${idType}, ${Pascal}>()` },
    ];
    if (crud.idFormat === 'integer') {
      properties.push({ name: 'nextId', scope: Scope.Private, initializer: '1' });
    }
    const newId = crud.idFormat === 'integer' ? 'this.nextId++' : 'randomUUID()';
    const impl: OptionalKind<ClassDeclarationStructure> = {
      name: className,
      isExported: true,
      implements: [interfaceName],
      docs: [`Keeps ${plural} in memory: for tests and for a first version; data is lost on restart.`],
      properties,
      methods: [
        { name: 'list', returnType: `Promise<${Pascal}[]>`, statements: ['return Promise.resolve([...this.items.values()]);'] },
        { name: 'get', parameters: [{ name: 'id', type: idType }], returnType: `Promise<${Pascal} | undefined>`, statements: ['return Promise.resolve(this.items.get(id));'] },
        {
          name: 'create', parameters: [{ name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal}>`,
          statements: [`const item: ${Pascal} = { ...input, ${idField}: ${newId} };`, `this.items.set(item.${idField}, item);`, 'return Promise.resolve(item);'],
        },
        {
          name: 'update', parameters: [{ name: 'id', type: idType }, { name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal} | undefined>`,
          statements: [
            (w) => w.write('if (!this.items.has(id))').block(() => w.writeLine('return Promise.resolve(undefined);')),
            `const item: ${Pascal} = { ...input, ${idField === 'id' ? 'id' : `${idField}: id`} };`, `this.items.set(id, item);`, 'return Promise.resolve(item);',
          ],
        },
        { name: 'delete', parameters: [{ name: 'id', type: idType }], returnType: 'Promise<boolean>', statements: ['return Promise.resolve(this.items.delete(id));'] },
      ],
    };
    file.addClass(impl);
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
