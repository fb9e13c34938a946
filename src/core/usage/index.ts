export { DEFAULT_PRICES, ModelPriceSchema, PRICES_NOTE, PriceOverridesSchema, type ModelPrice, type PriceOverrides } from './prices';
export { isLocalServer, resolvePrice, type PriceMatch } from './resolvePrice';
export { costOf, formatCost, formatTokens } from './formatUsage';
export { UsageTracker, type ModelUsage, type UsageCall, type UsageTotals, type UsageTrackerOptions } from './usageTracker';
