import type { LlmSettings } from './llm/types';

/**
 * Defaults shared by the extension (package.json declares the same values; a unit test keeps them
 * equal) and the CLI. They target a local Ollama so that nothing leaves the machine by default.
 */
export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  baseUrl: 'http://localhost:11434/v1',
  model: 'qwen2.5-coder:7b',
  timeoutMs: 120_000,
  maxRetries: 2,
  temperature: 0.2,
};

export const DEFAULT_MAX_CONTEXT_LINES = 400;
