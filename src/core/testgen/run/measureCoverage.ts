import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageDelta, CoveragePercent } from './runResult';
import type { CoverageContext, RunnerAdapter, RunnerContext } from './runnerAdapter';
import { runProcess } from './runProcess';

export interface MeasureCoverageOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: Readonly<Record<string, string>>;
}

/** The result of the two coverage runs, or `cancelled`/`timeout` when one of them was stopped. */
export type CoverageOutcome =
  | { readonly kind: 'measured'; readonly coverage: CoverageDelta }
  | { readonly kind: 'cancelled' | 'timeout' }
  | { readonly kind: 'unavailable' };

async function measureOnce(
  adapter: RunnerAdapter,
  ctx: CoverageContext,
  options: MeasureCoverageOptions,
): Promise<{ readonly kind: 'ok'; readonly percent?: CoveragePercent } | { readonly kind: 'cancelled' | 'timeout' }> {
  const invocation = await adapter.coverageInvocation(ctx);
  if (invocation === undefined) {
    return { kind: 'ok' };
  }
  const outcome = await runProcess(invocation.command, invocation.args, {
    cwd: ctx.root,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  if (outcome.kind !== 'exited') {
    return { kind: outcome.kind };
  }
  const percent = await adapter.readCoverage(ctx, outcome.output);
  return percent === undefined ? { kind: 'ok' } : { kind: 'ok', percent };
}

/**
 * Coverage of `target` by the project's existing tests (the candidate excluded), then with the
 * candidate added: two runs of the suite with the runner's coverage tool. `unavailable` when the
 * project has no coverage tool for its runner.
 */
export async function measureCoverage(
  adapter: RunnerAdapter,
  base: Omit<RunnerContext, 'reportDir'>,
  target: string,
  options: MeasureCoverageOptions,
): Promise<CoverageOutcome> {
  const tool = adapter.coverageTool(base.root);
  if (tool === undefined) {
    return { kind: 'unavailable' };
  }
  const percents: (CoveragePercent | undefined)[] = [];
  for (const withCandidate of [false, true]) {
    const reportDir = await mkdtemp(join(tmpdir(), 'routecraft-coverage-'));
    try {
      const result = await measureOnce(adapter, { ...base, reportDir, target, withCandidate }, options);
      if (result.kind !== 'ok') {
        return { kind: result.kind };
      }
      percents.push(result.percent);
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  }
  const [before, after] = percents;
  return { kind: 'measured', coverage: { file: target, tool, ...(before ? { before } : {}), ...(after ? { after } : {}) } };
}
