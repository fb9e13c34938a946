import { RoutecraftError } from '../errors';
import { expressGenerator } from './express/expressGenerator';
import { fastifyGenerator } from './fastify/fastifyGenerator';
import { honoGenerator } from './hono/honoGenerator';
import { nestjsGenerator } from './nestjs/nestjsGenerator';
import type { CodegenOptions, EndpointGenerator } from './types';

/** One line per framework: adding a framework means adding its folder and a line here. */
const GENERATORS: readonly EndpointGenerator[] = [expressGenerator, fastifyGenerator, nestjsGenerator, honoGenerator];

/** The generator for a framework, or undefined when none is written yet. */
export function getGenerator(framework: CodegenOptions['framework']): EndpointGenerator | undefined {
  return GENERATORS.find((g) => g.framework === framework);
}

/** The generator for a framework; throws a RoutecraftError naming the frameworks that are supported. */
export function getGeneratorOrThrow(framework: CodegenOptions['framework']): EndpointGenerator {
  const generator = getGenerator(framework);
  if (!generator) {
    const known = GENERATORS.map((g) => g.framework).join(', ');
    throw new RoutecraftError('invalid-input', `No generator for ${framework} yet (supported: ${known}).`);
  }
  return generator;
}
