import { DEFAULT_LLM_SETTINGS } from '../core/defaults';
import { RoutecraftError } from '../core/errors';
import type { LlmSettings } from '../core/llm/types';

export interface LlmFlags {
  readonly 'base-url'?: string;
  readonly model?: string;
  readonly timeout?: string;
  readonly 'max-retries'?: string;
  readonly temperature?: string;
}

/** LLM settings for the CLI: flags, then OPENAI_BASE_URL / ROUTECRAFT_MODEL / OPENAI_API_KEY, then defaults. */
export function llmSettingsFrom(flags: LlmFlags, env: NodeJS.ProcessEnv): LlmSettings {
  const d = DEFAULT_LLM_SETTINGS;
  return {
    baseUrl: flags['base-url'] ?? nonEmpty(env.OPENAI_BASE_URL) ?? d.baseUrl,
    model: flags.model ?? nonEmpty(env.ROUTECRAFT_MODEL) ?? d.model,
    apiKey: nonEmpty(env.OPENAI_API_KEY),
    timeoutMs: flags.timeout === undefined ? d.timeoutMs : number('--timeout', flags.timeout, 1, 3600) * 1000,
    maxRetries: flags['max-retries'] === undefined ? d.maxRetries : Math.floor(number('--max-retries', flags['max-retries'], 0, 10)),
    temperature: flags.temperature === undefined ? d.temperature : number('--temperature', flags.temperature, 0, 2),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

export function number(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new RoutecraftError('invalid-input', `${flag} takes a number from ${min} to ${max}, not "${raw}".`);
  }
  return n;
}
