import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeError, RoutecraftError } from '../core/errors';
import { endpointHelp, runEndpoint } from './endpointCli';
import { explainHelp, runExplain } from './explainCli';
import { reviewHelp, runReview } from './reviewCli';
import { runTests, testsHelp } from './testsCli';
import { runTriage, triageHelp } from './triageCli';
import { runSql, sqlHelp } from './sqlCli';
import { specJsonSchema } from '../core/endpointSpec/inputs/specJsonSchema';
import type { CliIo } from './io';

declare const ROUTECRAFT_VERSION: string | undefined;

const mainHelp = `Usage: routecraft COMMAND [options]

Commands:
  explain FILE[:START[-END]]   explain code with your LLM (Markdown on stdout)
  endpoint "DESCRIPTION"       generate endpoints, validation and tests (diff; --write applies)
  endpoint --spec FILE         the same from a Routecraft spec or an OpenAPI document (no LLM)
  tests FILE[:SYMBOL]          write tests, run them, keep the ones that pass (diff; --write applies)
  triage [LOG] (or < LOG)      explain a stack trace or failing test output; fix as a diff (--write applies)
  review [RANGE]               review a change set (working tree, --staged, a commit, A..B, --base BRANCH)
  sql "QUESTION"               a query checked against your schema, proven on an embedded database (diff)
  spec-schema                  print the JSON Schema of the endpoint spec format

Run "routecraft COMMAND --help" for a command's options.
Environment: OPENAI_BASE_URL, ROUTECRAFT_MODEL, OPENAI_API_KEY, ROUTECRAFT_CACHE_DIR,
ROUTECRAFT_REDIS_URL, ROUTECRAFT_AUDIT_LOG, ROUTECRAFT_STRUCTURED_OUTPUT.`;

/** Flags of every command that may call the LLM (settings, cache, audit), plus --verbose and --help. */
const LLM_OPTIONS = {
  'base-url': { type: 'string' },
  model: { type: 'string' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  temperature: { type: 'string' },
  'structured-output': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  'redis-url': { type: 'string' },
  'audit-log': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs the CLI and returns its exit code (never calls process.exit, so tests run it in-process). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${mainHelp}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${typeof ROUTECRAFT_VERSION === 'string' ? ROUTECRAFT_VERSION : 'dev'}\n`);
      return 0;
    }
    if (command === 'explain') {
      return await subcommand(rest, { ...LLM_OPTIONS, 'max-lines': { type: 'string' }, 'dry-run': { type: 'boolean' } }, {
        help: explainHelp,
        usage: 'routecraft explain takes one FILE[:START[-END]].',
        accepts: (n) => n === 1,
        io,
        run: (values, positionals) => runExplain(positionals[0]!, values, io),
      });
    }
    if (command === 'review') {
      const options = { ...LLM_OPTIONS, staged: { type: 'boolean' }, base: { type: 'string' }, project: { type: 'string' }, format: { type: 'string' }, 'fail-on': { type: 'string' }, 'max-prompt-tokens': { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
      return await subcommand(rest, options, {
        help: reviewHelp,
        usage: 'routecraft review takes at most one RANGE.',
        accepts: (n) => n <= 1,
        io,
        run: (values, positionals) => runReview(positionals[0], values, io),
      });
    }
    if (command === 'spec-schema') {
      io.stdout.write(`${JSON.stringify(specJsonSchema(), undefined, 2)}\n`);
      return 0;
    }
    if (command === 'tests') {
      const options = { ...LLM_OPTIONS, project: { type: 'string' }, write: { type: 'boolean' }, 'test-runner': { type: 'string' }, 'timeout-run': { type: 'string' }, coverage: { type: 'boolean' } } as const;
      return await subcommand(rest, options, {
        help: testsHelp,
        usage: 'routecraft tests takes one FILE[:SYMBOL].',
        accepts: (n) => n === 1,
        io,
        run: (values, positionals) => runTests(positionals[0]!, values, io),
      });
    }
    if (command === 'triage') {
      const options = { ...LLM_OPTIONS, project: { type: 'string' }, format: { type: 'string' }, write: { type: 'boolean' }, 'log-format': { type: 'string' }, 'max-frames': { type: 'string' }, 'max-lines': { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
      return await subcommand(rest, options, {
        help: triageHelp,
        usage: 'routecraft triage takes at most one LOG file (or reads the log from stdin).',
        accepts: (n) => n <= 1,
        io,
        run: (values, positionals) => runTriage(positionals[0], values, io),
      });
    }
    if (command === 'endpoint') {
      const options = {
        ...LLM_OPTIONS,
        project: { type: 'string' },
        spec: { type: 'string' },
        operation: { type: 'string', multiple: true },
        write: { type: 'boolean' },
        'allow-type-errors': { type: 'boolean' },
        framework: { type: 'string' },
        'test-runner': { type: 'string' },
        'routes-dir': { type: 'string' },
        'app-file': { type: 'string' },
        package: { type: 'string' },
      } as const;
      return await subcommand(rest, options, {
        help: endpointHelp,
        usage: 'routecraft endpoint takes one DESCRIPTION (quote it).',
        accepts: (n) => n <= 1,
        io,
        run: (values, positionals) => runEndpoint(positionals[0], values, io),
      });
    }
    if (command === 'sql') {
      const options = {
        ...LLM_OPTIONS,
        project: { type: 'string' },
        dialect: { type: 'string' },
        'time-zone': { type: 'string' },
        write: { type: 'boolean' },
        'allow-type-errors': { type: 'boolean' },
        'allow-writes': { type: 'boolean' },
        'confirm-write': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'database-env': { type: 'string' },
        explain: { type: 'boolean' },
        introspect: { type: 'boolean' },
      } as const;
      return await subcommand(rest, options, {
        help: sqlHelp,
        usage: 'routecraft sql takes one QUESTION (quote it).',
        accepts: (n) => n === 1,
        io,
        run: (values, positionals) => runSql(positionals[0]!, values, io),
      });
    }
    io.stderr.write(`routecraft: unknown command "${command}".\n\n${mainHelp}\n`);
    return 2;
  } catch (error) {
    if (isParseArgsError(error)) {
      io.stderr.write(`routecraft: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`routecraft: ${describeError(error)}\n`);
    return error instanceof RoutecraftError && error.code === 'invalid-input' ? 2 : 1;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Parses a command's flags; answers --help and a wrong number of positionals; runs the rest. */
async function subcommand<const O extends Options>(
  args: readonly string[],
  options: O,
  how: { help: string; usage: string; accepts: (positionals: number) => boolean; io: CliIo; run: (values: Parsed<O>['values'], positionals: string[]) => Promise<number> },
): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  if ((values as { help?: boolean }).help) {
    how.io.stdout.write(`${how.help}\n`);
    return 0;
  }
  if (!how.accepts(positionals.length)) {
    how.io.stderr.write(`${how.usage}\n\n${how.help}\n`);
    return 2;
  }
  return how.run(values, positionals);
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, stdin: process.stdin }).then((code) => {
    process.exitCode = code;
  });
}
