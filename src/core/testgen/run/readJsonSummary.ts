import { z } from 'zod';
import type { CoveragePercent } from './runResult';
import { readIfExists } from './nodeBin';

const MetricSchema = z.object({ pct: z.union([z.number(), z.string()]) });
const FileSummarySchema = z.object({ lines: MetricSchema, branches: MetricSchema, functions: MetricSchema });
const SummarySchema = z.record(z.string(), z.unknown());

function pct(metric: z.infer<typeof MetricSchema>): number {
  return typeof metric.pct === 'number' ? metric.pct : 100;
}

/**
 * Reads an istanbul `coverage-summary.json` (jest, vitest coverage, c8) and returns the entry of the
 * file whose path ends with `target`; undefined when the file was never loaded by the tests.
 */
export function readJsonSummary(path: string, target: string): CoveragePercent | undefined {
  const text = readIfExists(path);
  if (text === undefined) {
    return undefined;
  }
  const summary = SummarySchema.safeParse(JSON.parse(text));
  if (!summary.success) {
    return undefined;
  }
  const key = Object.keys(summary.data).find((name) => name.replace(/\\/g, '/').endsWith(`/${target}`));
  const entry = FileSummarySchema.safeParse(key === undefined ? undefined : summary.data[key]);
  if (!entry.success) {
    return undefined;
  }
  return { lines: pct(entry.data.lines), branches: pct(entry.data.branches), functions: pct(entry.data.functions) };
}
