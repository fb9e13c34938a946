/**
 * Timing lines for the e2e logs ("[e2e-time] label phase 12.3 s"), so a CI log shows where each
 * real-editor minute goes: code-server start, chromium launch, workbench load, extension activation,
 * the tests themselves, shutdown. `grep '\[e2e-time\]'` over a log lists them all.
 */

/** Prints one timing line for `phase` of `label`, measured from `since` (Date.now()). */
export function logTiming(label: string, phase: string, since: number): number {
  const ms = Date.now() - since;
  console.log(`    [e2e-time] ${label} ${phase} ${(ms / 1000).toFixed(1)} s`);
  return ms;
}
