import { z } from 'zod';
import { EndpointSpecSchema } from '../endpointSpec';

/**
 * The JSON Schema (draft 2020-12) of the endpoint spec as a person writes it (defaults optional), for
 * `routecraft spec-schema` and editors' YAML/JSON validation.
 */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EndpointSpecSchema, { io: 'input', unrepresentable: 'any' });
}
