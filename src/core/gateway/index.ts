export { createLlm, type LlmPathConfig } from './createLlm';
export { createGateway, type GatewayParts, type UsageRecord, type UsageSink } from './llmGateway';
export { StreamRestorer } from './streamRestorer';
