import type { CorpusEntry, RunnerName } from './types';

/** A test command of a project before the reporter flags are added. */
export interface TestCommand {
  readonly suite: string;
  readonly command: string;
  readonly runner?: RunnerName;
  /** For node:test: the script text itself, since its flags must come before the test files. */
  readonly direct?: string;
}

/** The parts of a package.json the runner reads. */
export interface PackageManifest {
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

/** The runner a command line starts, read from its words; undefined when none is recognised. */
export function runnerInCommand(command: string): RunnerName | undefined {
  const word = (name: string): RegExp => new RegExp(`(^|[\\s/"'])${name}([\\s"']|$)`);
  if (word('vitest').test(command)) {
    return 'vitest';
  }
  if (word('jest').test(command)) {
    return 'jest';
  }
  if (word('mocha').test(command)) {
    return 'mocha';
  }
  if (/(^|[\s/"'])(node|tsx)\s(.*\s)?--test([\s"']|$)/.test(command)) {
    return 'node:test';
  }
  return undefined;
}

/**
 * The script text that starts the runner: the command itself when it names one, else for
 * `npm test` / `npm run X` (and the pnpm/yarn forms) the script it runs, followed through `npm run`
 * chains (the last step of a `&&` chain, since reporter flags go to the end of the command line).
 */
export function runnerScript(command: string, manifest: PackageManifest, depth = 0): string | undefined {
  if (runnerInCommand(command) !== undefined) {
    return command;
  }
  const script = /^(?:npm|pnpm|yarn)\s+(?:run\s+|run-script\s+)?([\w:.-]+)/.exec(command.trim())?.[1];
  const body = script === undefined || depth > 3 ? undefined : manifest.scripts?.[script];
  if (body === undefined) {
    return undefined;
  }
  if (runnerInCommand(body) !== undefined) {
    return body;
  }
  const parts = body.split(/&&|;|\|\|/).map((part) => part.trim()).filter((part) => part !== '');
  const last = parts[parts.length - 1];
  return last === undefined ? undefined : runnerScript(last, manifest, depth + 1);
}

/** The runner behind a command (see runnerScript); undefined when none is recognised. */
export function detectRunner(command: string, manifest: PackageManifest): RunnerName | undefined {
  const script = runnerScript(command, manifest);
  return script === undefined ? undefined : runnerInCommand(script);
}

/**
 * The test commands of a project: the entry's `test` (one command or several), else its
 * package.json `test` script and, when present, `test:e2e` (Nest keeps its e2e tests apart).
 */
export function testCommands(entry: Pick<CorpusEntry, 'test'>, manifest: PackageManifest): TestCommand[] {
  const withRunner = (suite: string, command: string): TestCommand => {
    const script = runnerScript(command, manifest);
    const runner = script === undefined ? undefined : runnerInCommand(script);
    if (runner === undefined) {
      return { suite, command };
    }
    return runner === 'node:test' && script !== undefined && script !== command ? { suite, command, runner, direct: script } : { suite, command, runner };
  };
  if (entry.test !== undefined) {
    const commands = typeof entry.test === 'string' ? [entry.test] : entry.test;
    return commands.map((command, index) => withRunner(commands.length === 1 ? 'test' : `test${index + 1}`, command));
  }
  return ['test', 'test:e2e']
    .filter((name) => manifest.scripts?.[name] !== undefined)
    .map((name) => withRunner(name, name === 'test' ? 'npm test' : `npm run ${name}`));
}

/** The reporter flags that make a runner write a machine-readable report to `reportFile`. */
export function reporterArgs(runner: RunnerName, reportFile: string, nodeReporter: string): string[] {
  switch (runner) {
    case 'jest':
      return ['--json', `--outputFile=${reportFile}`];
    case 'vitest':
      return ['--run', '--reporter=json', `--outputFile=${reportFile}`];
    case 'mocha':
      return ['--reporter', 'json', '--reporter-option', `output=${reportFile}`];
    case 'node:test':
      return [`--test-reporter=${nodeReporter}`, `--test-reporter-destination=${reportFile}`];
  }
}

/** Quotes a word for `sh -c` when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The full command line of a test command with the reporter flags: node:test takes them right after
 * `--test` (after the test files they would be read as files); the other runners at the end, after
 * `--` for an `npm test` / `npm run X` form so that npm hands them to the script.
 */
export function commandLine(command: TestCommand, args: readonly string[]): string {
  if (command.runner === 'node:test') {
    const script = command.direct ?? command.command;
    return script.replace(/(\s--test)(?=[\s"']|$)/, `$1 ${args.map(shellQuote).join(' ')}`);
  }
  return withReporter(command.command, args);
}

/** Appends flags to a command; an `npm test` / `npm run X` form passes them after `--`. */
export function withReporter(command: string, args: readonly string[]): string {
  const viaScript = /^(npm|pnpm|yarn)\s/.test(command.trim()) && runnerInCommand(command) === undefined;
  const quoted = args.map(shellQuote).join(' ');
  if (!viaScript) {
    return `${command} ${quoted}`;
  }
  return command.includes(' -- ') ? `${command} ${quoted}` : `${command} -- ${quoted}`;
}
