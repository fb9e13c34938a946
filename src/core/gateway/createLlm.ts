import type { AuditLog } from '../audit/auditLog';
import type { ResponseCache } from '../cache/types';
import { createLlmClient } from '../llm/openaiClient';
import type { StructuredOutputMemo } from '../llm/responseFormat';
import type { LlmClient, LlmSettings } from '../llm/types';
import type { Logger } from '../util/logger';
import { createRedactor, type RedactorOptions } from '../privacy/redactor';
import { createGateway, type UsageSink } from './llmGateway';

/** Everything one LLM call path needs; long-lived parts (cache, audit, usage) are passed in. */
export interface LlmPathConfig {
  readonly llm: LlmSettings;
  readonly privacy?: RedactorOptions;
  readonly cache?: ResponseCache;
  readonly audit?: AuditLog;
  readonly usage?: UsageSink;
  /** Write the redacted prompt text into audit lines. */
  readonly auditPrompts?: boolean;
  /** Servers that refused `response_format` this session; a fresh memo when absent. */
  readonly structuredOutput?: StructuredOutputMemo;
}

/**
 * The only way features get an LlmClient: the openai transport wrapped in the gateway
 * (redaction, cache, audit, usage). A unit test fails if anything else builds a transport.
 * Throws a RoutecraftError when a custom redaction pattern is invalid.
 */
export function createLlm(config: LlmPathConfig, logger: Logger): LlmClient {
  return createGateway({
    transport: createLlmClient(config.llm, logger, config.structuredOutput),
    redactor: createRedactor(config.privacy),
    cache: config.cache,
    audit: config.audit,
    usage: config.usage,
    logger,
    auditPrompts: config.auditPrompts,
  });
}
