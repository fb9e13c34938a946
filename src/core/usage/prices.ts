import { z } from 'zod';

/** USD per 1 million tokens. */
export const ModelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** A user's price map (a setting): model name or name prefix → price. Wins over the defaults. */
export const PriceOverridesSchema = z.record(z.string().min(1), ModelPriceSchema);
export type PriceOverrides = z.infer<typeof PriceOverridesSchema>;

/** Shown wherever a cost is: the defaults below are list prices noted by hand, not a quote. */
export const PRICES_NOTE = 'Costs are estimates from built-in list prices; override them in settings.';

/**
 * ESTIMATES, USD per 1M input / output tokens, standard tier, no cached-input discount, as
 * published by the providers in 2025. Providers change prices: users override them in settings.
 * Keys match a model exactly or as a prefix (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`).
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  // OpenAI
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  // DeepSeek (API list price, cache miss)
  'deepseek-chat': { input: 0.28, output: 0.42 },
  'deepseek-reasoner': { input: 0.28, output: 0.42 },
  // Alibaba Qwen (international endpoint, lowest tier)
  'qwen-turbo': { input: 0.05, output: 0.2 },
  'qwen-plus': { input: 0.4, output: 1.2 },
  'qwen-max': { input: 1.6, output: 6.4 },
  // Anthropic (through an OpenAI-compatible gateway)
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  // Google (through an OpenAI-compatible endpoint; prompts up to 200k tokens)
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
});
