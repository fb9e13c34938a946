import { posix } from 'node:path';
import { Node, type ClassDeclaration, type Expression, type SourceFile } from 'ts-morph';
import { parseProjectFile, resolveProjectModule, type FileReader } from './nestCodeCopy';

/** The feature module closest to a new one: where it lives, who registers it, how it is written. */
export interface NestNeighbour {
  /** The module whose `imports` list the neighbour (the root module or a feature aggregator). */
  readonly registrationModule: string;
  readonly moduleFile: string;
  readonly controllerFile?: string;
  /** The folder its DTOs live in, relative to the feature folder (`dto`, `dtos`). */
  readonly dtoFolder?: string;
  /** `@Controller({ path, version: '1' })`: the version its controller declares. */
  readonly controllerVersion?: string;
  /** Its controller carries `@ApiTags`. */
  readonly apiTags: boolean;
  /** Its DTOs carry `@ApiProperty`. */
  readonly apiProperty: boolean;
}

function moduleClass(file: SourceFile): ClassDeclaration | undefined {
  return file.getClasses().find((c) => c.getDecorator('Module') !== undefined);
}

function metadataArray(cls: ClassDeclaration, key: string): Expression[] {
  const arg = cls.getDecorator('Module')?.getArguments()[0];
  const prop = arg && Node.isObjectLiteralExpression(arg) ? arg.getProperty(key) : undefined;
  const init = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
  return init && Node.isArrayLiteralExpression(init) ? init.getElements() : [];
}

/** The project file an identifier of `file` is imported from. */
function importedFile(read: FileReader, file: SourceFile, name: string): string | undefined {
  const decl = file.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === name));
  return decl && resolveProjectModule(read, file.getFilePath().replace(/^\//, ''), decl.getModuleSpecifierValue());
}

function describeNeighbour(read: FileReader, registrationModule: string, moduleFile: string, controllerFile: string | undefined): NestNeighbour {
  const controller = controllerFile === undefined ? undefined : parseProjectFile(read, controllerFile);
  const decorator = controller?.getClasses().map((c) => c.getDecorator('Controller')).find((d) => d !== undefined);
  const options = decorator?.getArguments()[0];
  const versionProp = options && Node.isObjectLiteralExpression(options) ? options.getProperty('version') : undefined;
  const versionInit = versionProp && Node.isPropertyAssignment(versionProp) ? versionProp.getInitializer() : undefined;
  const controllerVersion = versionInit && Node.isStringLiteral(versionInit) ? versionInit.getLiteralValue() : undefined;
  const featureDir = posix.dirname(moduleFile);
  const dtoImport = controller?.getImportDeclarations().map((d) => d.getModuleSpecifierValue()).find((s) => /\/dtos?\//.test(s));
  const dtoFile = controller && dtoImport ? resolveProjectModule(read, controllerFile!, dtoImport) : undefined;
  const dtoFolder = dtoFile === undefined ? undefined : posix.relative(featureDir, posix.dirname(dtoFile));
  return {
    registrationModule,
    moduleFile,
    ...(controllerFile !== undefined ? { controllerFile } : {}),
    ...(dtoFolder !== undefined && dtoFolder !== '' && !dtoFolder.startsWith('..') ? { dtoFolder } : {}),
    ...(controllerVersion !== undefined ? { controllerVersion } : {}),
    apiTags: /@ApiTags\(/.test(controller?.getFullText() ?? ''),
    apiProperty: /@ApiProperty(?:Optional)?\(/.test(dtoFile === undefined ? '' : (read(dtoFile) ?? '')),
  };
}

/**
 * The first feature module with a controller that the root module imports, directly or through
 * feature aggregator modules (breadth first, at most 30 modules read), skipping module files named
 * `excludeName` (the module being generated).
 */
export function findNestNeighbour(read: FileReader, rootModule: string, excludeName: string): NestNeighbour | undefined {
  const queue = [rootModule];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size <= 30) {
    const current = queue.shift()!;
    const file = parseProjectFile(read, current);
    const cls = file && moduleClass(file);
    if (!file || !cls) {
      continue;
    }
    for (const element of metadataArray(cls, 'imports')) {
      const path = Node.isIdentifier(element) ? importedFile(read, file, element.getText()) : undefined;
      if (path === undefined || seen.has(path) || posix.basename(path) === excludeName) {
        continue;
      }
      seen.add(path);
      const child = parseProjectFile(read, path);
      const childClass = child && moduleClass(child);
      if (!child || !childClass) {
        continue;
      }
      const controller = metadataArray(childClass, 'controllers').find(Node.isIdentifier);
      if (controller) {
        return describeNeighbour(read, current, path, importedFile(read, child, controller.getText()));
      }
      queue.push(path);
    }
  }
  return undefined;
}
