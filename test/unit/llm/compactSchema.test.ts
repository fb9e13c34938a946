import assert from 'node:assert/strict';
import { z } from 'zod';
import { estimateUsage } from '../../../src/core/audit/tokenEstimate';
import { getGeneratorOrThrow } from '../../../src/core/codegen/registry';
import { buildSpecMessages } from '../../../src/core/endpoint/specPrompt';
import { compactSchemaText } from '../../../src/core/llm/compactSchema';
import { jsonSchemaText, structuredInstructions, withInstructions } from '../../../src/core/llm/structuredPrompt';
import { EndpointSpecSchema } from '../../../src/core/endpointSpec/endpointSpec';

describe('compactSchemaText: the schema in a prompt as a compact TypeScript-like type', () => {
  it('keeps optionality, enums, constants, patterns, bounds, defaults and named $defs', () => {
    const Node: z.ZodType = z.lazy(() => z.object({ name: z.string(), children: z.array(Node).optional() }));
    const schema = z.object({
      version: z.literal(1),
      id: z.string().regex(/^[a-z]+$/),
      kind: z.enum(['a', 'b']).default('a'),
      size: z.number().int().min(1).max(10).optional(),
      tags: z.array(z.string()).min(1),
      tree: Node,
    });
    const text = compactSchemaText(z.toJSONSchema(schema, { io: 'input' }));
    assert.match(text, /^ {2}version: 1$/m);
    assert.match(text, /^ {2}id: string \/\^\[a-z\]\+\$\/$/m);
    assert.match(text, /^ {2}kind\?: "a"\|"b" = "a"$/m);
    assert.match(text, /^ {2}size\?: integer \(>= 1, <= 10\)$/m);
    assert.match(text, /^ {2}tags: string\[\] \(min 1\)$/m);
    assert.match(text, /^Schema = \{\n {2}name: string\n {2}children\?: Schema\[\]\n\}$/m);
  });

  it('puts neighbours of the same type on one line', () => {
    const text = compactSchemaText(z.toJSONSchema(z.object({ a: z.number(), b: z.number(), c: z.string() })));
    assert.equal(text, '{\n  a, b: number\n  c: string\n}');
  });

  it('costs well under half the tokens of the pretty-printed JSON Schema for the endpoint spec', async () => {
    const tokens = async (text: string): Promise<number> => (await estimateUsage([{ role: 'user', content: text }], '')).promptTokens;
    const compact = await tokens(structuredInstructions(EndpointSpecSchema, undefined));
    const json = await tokens(jsonSchemaText(EndpointSpecSchema));
    assert.ok(compact * 2 < json, `compact ${String(compact)} vs JSON ${String(json)}`);
  });

  it('keeps the plain-words registration request (instructions included) at or under 1,000 tokens in (issue 9)', async () => {
    const description = 'user registration takes phone, email and password; password at least 8 characters with upper and lower case';
    const brief = { framework: 'express 5', testRunner: 'vitest', existingResources: ['health'], handlerContract: getGeneratorOrThrow('express').handlerContract };
    const messages = withInstructions(buildSpecMessages(description, brief), structuredInstructions(EndpointSpecSchema, 'a Routecraft endpoint spec, version 1'));
    const usage = await estimateUsage(messages, '');
    assert.ok(usage.promptTokens <= 1000, `${String(usage.promptTokens)} tokens`);
  });
});
