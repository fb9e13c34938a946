import { EndpointSpecSchema } from '../endpointSpec';
import { formatIssues } from './formatIssues';
import type { SpecInputResult, SpecSource } from './specInputResult';

/** Validates a spec candidate with EndpointSpecSchema: the one gate every structured input passes. */
export function finalizeSpec(candidate: unknown, source: SpecSource, warnings: readonly string[]): SpecInputResult {
  const parsed = EndpointSpecSchema.safeParse(candidate);
  if (!parsed.success) {
    return { kind: 'invalid', source, issues: formatIssues(parsed.error.issues) };
  }
  return { kind: 'spec', spec: parsed.data, source, warnings: [...warnings] };
}
