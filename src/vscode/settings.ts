import * as vscode from 'vscode';
import { DEFAULT_LLM_SETTINGS, DEFAULT_MAX_CONTEXT_LINES } from '../core/defaults';
import { effectiveValue, sourceOf, type BaseUrlSource, type SettingLayers } from '../core/llm/keyBinding';
import type { LlmSettings } from '../core/llm/types';
import { STRUCTURED_OUTPUT_MODES } from '../core/llm/responseFormat';
import { CATEGORIES, type Category } from '../core/privacy/categories';
import type { CustomPatternSetting } from '../core/privacy/customPatterns';
import type { RedactorOptions } from '../core/privacy/redactor';
import { PriceOverridesSchema, type PriceOverrides } from '../core/usage/prices';
import { DEFAULT_REVIEW_PROMPT_TOKENS } from '../core/review/reviewTypes';

/** Typed, defaulting view of the `routecraft.*` settings (the API key is never a setting). */
export interface RoutecraftSettings {
  readonly llm: Omit<LlmSettings, 'apiKey'>;
  readonly maxContextLines: number;
  readonly privacy: RedactorOptions & { readonly exclude: readonly string[] };
  readonly cache: { readonly enabled: boolean; readonly ttlMs: number; readonly maxBytes: number; readonly redisUrl: string };
  readonly audit: { readonly includePrompts: boolean; readonly maxBytes: number; readonly keep: number };
  readonly prices: PriceOverrides;
  /** Explain Changes: prompt tokens one request may use. */
  readonly review: { readonly promptBudget: number };
  /** Generate Endpoint / Tests: how long a folder's project model is kept after its last request (ms; 0 = not kept). */
  readonly projectModel: { readonly keepMs: number };
}

const minutes = (value: number, fallback: number): number => (Number.isFinite(value) ? Math.max(0, value) : fallback);
const positive = (value: number, fallback: number): number => (Number.isFinite(value) && value > 0 ? value : fallback);

/** `routecraft.llm.baseUrl` at `scope`: its value, its layers and the layer the value comes from. */
export function baseUrlSetting(scope?: vscode.Uri): { readonly value: string; readonly source: BaseUrlSource; readonly layers: SettingLayers<string> } {
  const c = vscode.workspace.getConfiguration('routecraft', scope);
  const layers = c.inspect<string>('llm.baseUrl') ?? {};
  // The value VS Code resolves (it drops restricted workspace values in Restricted Mode); the source
  // from the layers. Should the two ever disagree, the source is the more specific: no user key.
  const value = c.get<string>('llm.baseUrl', DEFAULT_LLM_SETTINGS.baseUrl).trim() || effectiveValue(layers, DEFAULT_LLM_SETTINGS.baseUrl);
  return { value, source: sourceOf(layers), layers };
}

/** The `routecraft.*` settings at `scope`, typed and defaulted. */
export function readSettings(scope?: vscode.Uri): RoutecraftSettings {
  const c = vscode.workspace.getConfiguration('routecraft', scope);
  const d = DEFAULT_LLM_SETTINGS;
  const disabled = new Set(c.get<string[]>('privacy.disabledCategories', []));
  const categories: Partial<Record<Category, boolean>> = {};
  for (const category of CATEGORIES) {
    if (disabled.has(category)) {
      categories[category] = false;
    }
  }
  const prices = PriceOverridesSchema.safeParse(c.get<unknown>('usage.prices', {}));
  return {
    llm: {
      baseUrl: baseUrlSetting(scope).value,
      model: c.get<string>('llm.model', d.model).trim() || d.model,
      timeoutMs: positive(c.get<number>('llm.timeoutSeconds', d.timeoutMs / 1000), d.timeoutMs / 1000) * 1000,
      maxRetries: Math.max(0, Math.floor(c.get<number>('llm.maxRetries', d.maxRetries))),
      temperature: c.get<number>('llm.temperature', d.temperature),
      structuredOutput: STRUCTURED_OUTPUT_MODES.find((m) => m === c.get<string>('llm.structuredOutput', 'auto')) ?? 'auto',
    },
    maxContextLines: Math.floor(positive(c.get<number>('llm.maxContextLines', DEFAULT_MAX_CONTEXT_LINES), DEFAULT_MAX_CONTEXT_LINES)),
    privacy: {
      categories,
      customPatterns: c.get<CustomPatternSetting[]>('privacy.customPatterns', []),
      exclude: c.get<string[]>('privacy.exclude', []),
    },
    cache: {
      enabled: c.get<boolean>('cache.enabled', true),
      ttlMs: positive(c.get<number>('cache.ttlHours', 168), 168) * 3_600_000,
      maxBytes: positive(c.get<number>('cache.maxSizeMB', 50), 50) * 1024 * 1024,
      redisUrl: process.env.ROUTECRAFT_REDIS_URL?.trim() || c.get<string>('cache.redisUrl', '').trim(),
    },
    audit: {
      includePrompts: c.get<boolean>('audit.includePrompts', false),
      maxBytes: positive(c.get<number>('audit.maxSizeMB', 5), 5) * 1024 * 1024,
      keep: Math.max(0, Math.floor(c.get<number>('audit.keepFiles', 5))),
    },
    prices: prices.success ? prices.data : {},
    review: { promptBudget: Math.floor(positive(c.get<number>('review.promptBudget', DEFAULT_REVIEW_PROMPT_TOKENS), DEFAULT_REVIEW_PROMPT_TOKENS)) },
    projectModel: { keepMs: minutes(c.get<number>('performance.keepProjectModelMinutes', 10), 10) * 60_000 },
  };
}
