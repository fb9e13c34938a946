import { maskCode } from './codeScan';
import { countStyle, emptyStyleCounts, styleFromCounts } from './neighbourStyle';
import type { CodeStyle } from './projectFacts';
import type { SampledFile } from './sampleFiles';
import type { ConfiguredStyle } from './styleConfig';

/** What Routecraft writes when nothing else decides (the most common TypeScript backend style). */
export const DEFAULT_STYLE: CodeStyle = { quote: 'single', semicolons: true, indent: '  ', trailingComma: true };

/**
 * Per field: what the formatter/editor config states, else what neighbouring files do, else
 * what the configured formatter assumes by default, else {@link DEFAULT_STYLE}.
 */
export function detectStyle(configured: ConfiguredStyle, files: readonly SampledFile[]): CodeStyle {
  const counts = emptyStyleCounts();
  for (const file of files) {
    countStyle(maskCode(file.text), counts);
  }
  return { ...DEFAULT_STYLE, ...configured.assumed, ...styleFromCounts(counts), ...configured.explicit };
}
