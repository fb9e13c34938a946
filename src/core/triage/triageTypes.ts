/** Which tool printed the text being triaged. */
export type LogFormat = 'node' | 'tsc' | 'jest' | 'vitest' | 'mocha' | 'node-test' | 'node-test-tap';

/** Where a frame's code lives: only `project` frames are sent to the model. */
export type FrameOrigin = 'project' | 'dependency' | 'node' | 'native' | 'outside';

/** A stack frame or a diagnostic's location, as printed. Line and column are 1-based. */
export interface RawFrame {
  /** The line as printed, trimmed. */
  readonly raw: string;
  readonly functionName?: string;
  /** `at async fn (...)` */
  readonly async: boolean;
  /** The location as written: a path (POSIX, Windows or relative), a file:// URL, `node:…`, `<anonymous>`. */
  readonly location: string;
  readonly line?: number;
  readonly column?: number;
}

/** Where a frame points in the project's own source, after source maps. */
export interface MappedLocation {
  /** Relative to the project root, forward slashes. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** `source-map` when the printed location was in generated code (dist/…js) and a map led here. */
  readonly via: 'direct' | 'source-map';
}

/** A frame with its origin and, for project frames, its place in the source the user edits. */
export interface Frame extends RawFrame {
  readonly origin: FrameOrigin;
  readonly mapped?: MappedLocation;
}

/** One error, test failure or compiler diagnostic found in the text. */
export interface Problem<F extends RawFrame = Frame> {
  /** `TypeError`, `AssertionError`, `TS2322` … when printed. */
  readonly name?: string;
  readonly message: string;
  /** The failing test's full title (`cart › checks out unknown fruit`) when a runner printed one. */
  readonly test?: string;
  /** The test file, relative as the runner printed it, when known. */
  readonly testFile?: string;
  /** Innermost (throwing) frame first, as V8 prints them. A diagnostic has its one location here. */
  readonly frames: readonly F[];
  /** `[cause]` and AggregateError's `[errors]`, in the order printed. */
  readonly nested: readonly Problem<F>[];
}

/** What a log, trace or runner output holds. */
export interface ParsedLog<F extends RawFrame = Frame> {
  readonly format: LogFormat;
  readonly problems: readonly Problem<F>[];
}
