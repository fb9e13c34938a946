export { createOverlay, OVERLAY_SKIPPED_DIRS, type Overlay, type OverlayOptions } from './createOverlay';
export { isAssertionFailure } from './isAssertionFailure';
export { keepPassing, type KeepPassingOptions, type KeepPassingResult, type KeptTest } from './keepPassing';
export type { CoverageDelta, CoveragePercent, RunResult, TestCaseResult } from './runResult';
export { runTestFile, type RunTestFileOptions } from './runTestFile';
