import { basename, dirname, extname } from 'node:path';
import { RoutecraftError } from '../../errors';
import { createNodeProjectFs } from '../../project/nodeProjectFs';
import type { EndpointSpec } from '../endpointSpec';
import { parseDataText } from './parseDataText';
import { parseSpecText, specFromData } from './parseSpecText';
import type { SpecInputOptions, SpecSource } from './specInputResult';

/** A spec read from a file, with what the conversion noticed. */
export interface LoadedSpec {
  readonly spec: EndpointSpec;
  readonly source: SpecSource;
  readonly warnings: string[];
}

const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/**
 * Reads the CLI's `--spec FILE`: a Routecraft spec or a whole OpenAPI 3.x document in JSON or YAML
 * (every operation, or those named in `options.operations`); `.ts` files may hold an interface or a
 * zod schema. Throws a RoutecraftError (`file-not-found`, `invalid-input`) whose message lists every issue.
 */
export async function loadSpecFile(path: string, options: SpecInputOptions = {}): Promise<LoadedSpec> {
  let text: string;
  try {
    // The file the user named, read the one way core reads files (from its own folder).
    text = await createNodeProjectFs(dirname(path)).readFile(basename(path));
  } catch (error) {
    if (error instanceof RoutecraftError && error.code === 'file-not-found') {
      throw new RoutecraftError('file-not-found', `Spec file not found: ${path}`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new RoutecraftError('invalid-input', `Cannot read the spec file ${path}: ${code ?? String(error)}`);
  }
  const extension = extname(path).toLowerCase();
  let result;
  if (DATA_EXTENSIONS.has(extension)) {
    const data = parseDataText(text);
    if (!data.ok) {
      throw new RoutecraftError('invalid-input', `${path} is not valid ${extension === '.json' ? 'JSON' : 'YAML'}:\n${bullets(data.errors)}`);
    }
    result = specFromData(data.data, options);
  } else {
    result = parseSpecText(text, options);
  }
  switch (result.kind) {
    case 'spec':
      return { spec: result.spec, source: result.source, warnings: result.warnings };
    case 'invalid':
      throw new RoutecraftError('invalid-input', `${path} is not a usable ${result.source === 'unknown' ? 'spec' : `${result.source} spec`}:\n${bullets(result.issues)}`);
    case 'not-structured':
      throw new RoutecraftError('invalid-input', `${path} is neither a Routecraft endpoint spec (version: 1) nor an OpenAPI 3 document; run "routecraft spec-schema" for the format`);
  }
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `  - ${l}`).join('\n');
}
