import type { ChatMessage } from '../llm/types';

/** What the model is told about the project, so the spec fits it (names, paths, style). */
export interface ProjectBrief {
  readonly framework: string;
  readonly testRunner: string;
  /** Resources the project already has (router/controller names), so the model can extend one. */
  readonly existingResources: readonly string[];
  /** The generator's word on what a handler body may use and how it answers. */
  readonly handlerContract: string;
}

const RULES = [
  'You turn a backend developer\'s description of HTTP endpoints into a Routecraft endpoint spec (version 1).',
  'Do not write route code: deterministic generators write it from your spec.',
  'Put every constraint the description states or clearly implies into the schemas (required, lengths, pattern with `examples` that match it, bounds, enum, format, items, nested objects); never invent one.',
  'For create/read/update/delete of a resource use `crud` (entity without its id; the operations wanted). Use `endpoints` for anything else.',
  'Responses follow REST: 201 for create, 200 for reads and updates, 204 for delete, 400 for validation errors, 404 for unknown ids, 409 for conflicts such as "email must be unique".',
  'When an endpoint needs logic CRUD does not imply (uniqueness checks, password hashing, computed fields), describe it in `logic`, and after the JSON give the handler body as TypeScript statements in a fenced block whose info string is `ts operationId` (for example ```ts registerUser).',
  'Placeholders such as <SECRET_1> or <EMAIL_1> stand for redacted values: keep them as they are.',
].join('\n');

/** Messages asking for an endpoint spec from plain words. The JSON Schema is added by askStructured. */
export function buildSpecMessages(description: string, brief: ProjectBrief): ChatMessage[] {
  const existing = brief.existingResources.length > 0 ? brief.existingResources.join(', ') : 'none yet';
  return [
    { role: 'system', content: RULES },
    {
      role: 'user',
      content: [
        `Project: ${brief.framework} with ${brief.testRunner} tests. Existing resources: ${existing}.`,
        `Handler bodies: ${brief.handlerContract}`,
        'Description:',
        '"""',
        description.trim(),
        '"""',
      ].join('\n'),
    },
  ];
}

/** Handler bodies the model returned beside the JSON, by operationId (```ts registerUser). */
export function handlerBodiesFrom(blocks: readonly { readonly lang: string; readonly info: string; readonly code: string }[], operationIds: readonly string[]): Record<string, string> {
  const bodies: Record<string, string> = {};
  for (const block of blocks) {
    const words = block.info.trim().split(/\s+/);
    const id = words.find((w) => operationIds.includes(w));
    if (id && /^(ts|typescript)$/i.test(words[0] ?? '') && bodies[id] === undefined) {
      bodies[id] = block.code.trim();
    }
  }
  return bodies;
}

/**
 * The follow-up turn for handler bodies, when the spec came as a server-constrained JSON answer
 * (structured output leaves no room for code after the JSON): one request naming every endpoint
 * with `logic`; `undefined` when none has any.
 */
export function handlerBodiesFollowUp(spec: { readonly endpoints: readonly { readonly operationId: string; readonly logic?: string }[] }): string | undefined {
  const withLogic = spec.endpoints.filter((e) => e.logic !== undefined && e.logic.trim() !== '');
  if (withLogic.length === 0) {
    return undefined;
  }
  return [
    'Now give the handler body of each endpoint with logic as TypeScript statements, one fenced block per endpoint whose info string is `ts operationId`:',
    ...withLogic.map((e) => `- ${e.operationId}: ${e.logic!.trim()}`),
  ].join('\n');
}
