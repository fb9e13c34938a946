import { z } from 'zod';

/**
 * The JSON Schema subset an endpoint spec uses for parameters, bodies and responses (draft 2020-12
 * keywords). Everything here maps to zod and to a deterministic failing test case.
 */
export const JSON_SCHEMA_FORMATS = ['email', 'uuid', 'date-time', 'date', 'uri', 'url', 'ipv4', 'ipv6', 'hostname'] as const;
export type JsonSchemaFormat = (typeof JSON_SCHEMA_FORMATS)[number];

export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';
  description?: string;
  format?: JsonSchemaFormat;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: (string | number | boolean)[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  nullable?: boolean;
  default?: unknown;
  examples?: unknown[];
}

const nonNegativeInt = z.number().int().nonnegative();

export const JsonSchemaSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .object({
      type: z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']).optional(),
      description: z.string().optional(),
      format: z.enum(JSON_SCHEMA_FORMATS).optional(),
      minLength: nonNegativeInt.optional(),
      maxLength: nonNegativeInt.optional(),
      pattern: z.string().refine(isValidRegex, 'not a valid regular expression').optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      exclusiveMinimum: z.number().optional(),
      exclusiveMaximum: z.number().optional(),
      multipleOf: z.number().positive().optional(),
      enum: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
      items: JsonSchemaSchema.optional(),
      minItems: nonNegativeInt.optional(),
      maxItems: nonNegativeInt.optional(),
      uniqueItems: z.boolean().optional(),
      properties: z.record(z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'property names must be identifiers'), JsonSchemaSchema).optional(),
      required: z.array(z.string()).optional(),
      additionalProperties: z.boolean().optional(),
      nullable: z.boolean().optional(),
      default: z.unknown().optional(),
      examples: z.array(z.unknown()).optional(),
    })
    .strict()
    .superRefine((schema, ctx) => {
      for (const name of schema.required ?? []) {
        if (!schema.properties?.[name]) {
          ctx.addIssue({ code: 'custom', message: `required property "${name}" is not in properties`, path: ['required'] });
        }
      }
      if (schema.minLength !== undefined && schema.maxLength !== undefined && schema.minLength > schema.maxLength) {
        ctx.addIssue({ code: 'custom', message: 'minLength is greater than maxLength', path: ['minLength'] });
      }
      if (schema.minimum !== undefined && schema.maximum !== undefined && schema.minimum > schema.maximum) {
        ctx.addIssue({ code: 'custom', message: 'minimum is greater than maximum', path: ['minimum'] });
      }
    }),
);

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
