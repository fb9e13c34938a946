import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { evidence, type ProjectSources } from './projectSources';

/** The package whose compilers let Fastify validate route schemas written with zod. */
export const ZOD_PROVIDER_MODULE = 'fastify-type-provider-zod';

/** Where the app hands Fastify the zod validator: `src/app.ts:19` and the call's text. */
export interface ZodProviderUse {
  readonly evidence: string;
}

/** Local names under which a file imports the provider's `validatorCompiler`. */
function validatorNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const decl of file.getImportDeclarations()) {
    if (decl.getModuleSpecifierValue() !== ZOD_PROVIDER_MODULE || decl.isTypeOnly()) {
      continue;
    }
    for (const named of decl.getNamedImports()) {
      if (named.getName() === 'validatorCompiler' && !named.isTypeOnly()) {
        names.add(named.getAliasNode()?.getText() ?? 'validatorCompiler');
      }
    }
  }
  return names;
}

/** `x.setValidatorCompiler(validatorCompiler)` in `file`, with the provider's compiler as argument. */
function setCallIn(path: string, file: SourceFile): ZodProviderUse | undefined {
  const names = validatorNames(file);
  if (names.size === 0) {
    return undefined;
  }
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const arg = call.getArguments()[0];
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'setValidatorCompiler' && arg && names.has(arg.getText())) {
      return { evidence: `${evidence(path, call.getStartLineNumber())} ${callee.getName()}(${arg.getText()}) from ${ZOD_PROVIDER_MODULE}` };
    }
  }
  return undefined;
}

/**
 * Whether the app validates route schemas with zod through fastify-type-provider-zod: a
 * `setValidatorCompiler(validatorCompiler)` call, the compiler imported from the provider, in the
 * app file or a module it imports (relative or aliased paths, breadth first, bounded), or in a
 * plugin folder autoload loads. Undefined when the app never registers the compiler.
 */
export function findZodTypeProvider(sources: ProjectSources, appFiles: readonly string[], pluginDirs: readonly string[] = []): ZodProviderUse | undefined {
  const queue = [...appFiles, ...pluginDirs.flatMap((dir) => sources.walk(dir))];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 100) {
    const path = queue.shift()!;
    if (seen.has(path)) {
      continue;
    }
    seen.add(path);
    const file = sources.get(path);
    if (!file) {
      continue;
    }
    const use = setCallIn(path, file);
    if (use) {
      return use;
    }
    for (const decl of file.getImportDeclarations()) {
      const next = decl.isTypeOnly() ? undefined : sources.resolve(path, decl.getModuleSpecifierValue());
      if (next) {
        queue.push(next);
      }
    }
  }
  return undefined;
}
