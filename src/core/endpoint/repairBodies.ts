import type { ChangeSet } from '../changes/changeSet';
import { extractCodeBlocks } from '../llm/codeBlocks';
import type { LlmClient, LlmResult } from '../llm/types';
import type { EndpointSpec } from '../endpointSpec/endpointSpec';
import { handlerBodiesFrom } from './specPrompt';

export interface RepairRequest {
  readonly spec: EndpointSpec;
  readonly handlerBodies: Readonly<Record<string, string>>;
  readonly changeSet: ChangeSet;
  readonly signal?: AbortSignal;
  readonly command?: string;
}

/**
 * One repair round for LLM-written handler bodies that failed the type check: the model sees its
 * bodies and the compiler's diagnostics and answers corrected bodies in fenced blocks.
 */
export async function repairHandlerBodies(llm: LlmClient, request: RepairRequest): Promise<LlmResult<Record<string, string>>> {
  const diagnostics = request.changeSet.files.flatMap((f) =>
    (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${d.line}:${d.column} TS${d.code}: ${d.message}`),
  );
  const bodies = Object.entries(request.handlerBodies).map(([id, code]) => `\`\`\`ts ${id}\n${code}\n\`\`\``).join('\n\n');
  const generated = request.changeSet.files.filter((f) => (f.diagnostics ?? []).length > 0).map((f) => `// ${f.path}\n${f.after}`).join('\n\n');
  const result = await llm.chat({
    purpose: 'endpoint-repair',
    command: request.command,
    signal: request.signal,
    destination: 'code',
    messages: [
      {
        role: 'system',
        content: 'You fix TypeScript handler bodies so they type-check. Answer only with the corrected bodies, each in a fenced block whose info string is `ts operationId`. Keep the behaviour; change only what the errors require.',
      },
      {
        role: 'user',
        content: `Your handler bodies:\n\n${bodies}\n\nwere placed into these files:\n\n\`\`\`ts\n${generated}\n\`\`\`\n\nand the compiler reports:\n${diagnostics.join('\n')}`,
      },
    ],
  });
  if (result.kind !== 'ok') {
    return result;
  }
  const repaired = handlerBodiesFrom(extractCodeBlocks(result.value.text), request.spec.endpoints.map((e) => e.operationId));
  return { kind: 'ok', value: { ...request.handlerBodies, ...repaired } };
}
