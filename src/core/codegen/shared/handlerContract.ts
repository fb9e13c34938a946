/** What differs between frameworks in the handler-body contract the spec prompt states. */
export interface RouteHandlerContract {
  /** The handler the body is the statements of: `an async Fastify route handler`. */
  readonly handler: string;
  /** What else the framework puts in scope: ``Fastify's `request` and `reply` ``. */
  readonly inScope: string;
  /** How the body answers: `` `return reply.code(CODE).send(VALUE);` (or `return reply.code(204).send();`) ``. */
  readonly answer: string;
}

/**
 * The contract for handler bodies of a route-handler framework (Express, Fastify, Hono), told to the
 * model in the spec prompt: the validated input and the repository in scope, the framework's own
 * objects, how to answer. NestJS bodies are service methods and state their own contract.
 */
export function routeHandlerContract(contract: RouteHandlerContract): string {
  return (
    `The body is the statements of ${contract.handler} that runs after validation. In scope: \`params\`, \`query\` and \`body\` ` +
    '(the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), ' +
    `and ${contract.inScope}. Answer with ${contract.answer}; \`await\` is allowed. Do not validate again, do not import anything.`
  );
}
