export type { ChatAnswer, ChatMessage, ChatRequest, LlmClient, LlmResult, LlmSettings, TokenUsage } from './types';
export { createLlmClient } from './openaiClient';
export { askStructured, type StructuredAnswer, type StructuredRequest } from './structured';
export { extractJson, type ExtractJsonResult, type JsonSource } from './extractJson';
export { extractCodeBlocks, type CodeBlock } from './codeBlocks';
export { jsonSchemaText, structuredInstructions } from './structuredPrompt';
export { redactSecrets, redactUrl } from './redact';
