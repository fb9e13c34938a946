import type { Project } from 'ts-morph';
import { resourceNames, type ResourceNames } from '../../endpointSpec/naming';
import type { GeneratorInput } from '../types';
import type { FailingCaseOptions } from './failingCases';
import { createCodeProject } from './codeStyle';
import { resourceOperations, type Operation } from './operations';
import { resourcePaths, type ResourcePaths } from './resourcePaths';
import type { ZodContext } from './zodExpression';

/** Everything derived once per generation run and shared by the file builders. */
export interface GenerationContext {
  readonly input: GeneratorInput;
  readonly names: ResourceNames;
  readonly paths: ResourcePaths;
  readonly operations: readonly Operation[];
  readonly project: Project;
  readonly zod: ZodContext;
  /** How the app converts values before validating (set by a generator that reads it, e.g. Nest's pipe). */
  readonly failingCaseOptions?: FailingCaseOptions;
}

/** Derives names, paths and operations from the input; throws a RoutecraftError for impossible specs. */
export function createGenerationContext(input: GeneratorInput): GenerationContext {
  const names = resourceNames(input.spec);
  return {
    input,
    names,
    paths: resourcePaths(input.options, names),
    operations: resourceOperations(input.spec, names),
    project: createCodeProject(input.options.style),
    zod: { zodMajor: input.options.zodMajor, style: input.options.style },
  };
}
