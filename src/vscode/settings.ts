import * as vscode from 'vscode';
import { DEFAULT_LLM_SETTINGS, DEFAULT_MAX_CONTEXT_LINES } from '../core/defaults';
import type { LlmSettings } from '../core/llm/types';

/** Typed, defaulting view of the `routecraft.*` settings (the API key is never a setting). */
export interface RoutecraftSettings {
  readonly llm: Omit<LlmSettings, 'apiKey'>;
  readonly maxContextLines: number;
}

export function readSettings(scope?: vscode.Uri): RoutecraftSettings {
  const c = vscode.workspace.getConfiguration('routecraft', scope);
  const d = DEFAULT_LLM_SETTINGS;
  const positive = (value: number, fallback: number): number => (Number.isFinite(value) && value > 0 ? value : fallback);
  return {
    llm: {
      baseUrl: c.get<string>('llm.baseUrl', d.baseUrl).trim() || d.baseUrl,
      model: c.get<string>('llm.model', d.model).trim() || d.model,
      timeoutMs: positive(c.get<number>('llm.timeoutSeconds', d.timeoutMs / 1000), d.timeoutMs / 1000) * 1000,
      maxRetries: Math.max(0, Math.floor(c.get<number>('llm.maxRetries', d.maxRetries))),
      temperature: c.get<number>('llm.temperature', d.temperature),
    },
    maxContextLines: Math.floor(positive(c.get<number>('llm.maxContextLines', DEFAULT_MAX_CONTEXT_LINES), DEFAULT_MAX_CONTEXT_LINES)),
  };
}
