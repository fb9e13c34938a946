import type { Logger } from '../core/util/logger';
import type { CliIo } from './io';

/** The CLI's log on stderr: warnings always, `[info]` and `[error]` lines only with `--verbose`. */
export function cliLogger(io: Pick<CliIo, 'stderr'>, verbose: boolean | undefined): Logger {
  return {
    info: (m) => verbose && io.stderr.write(`[info] ${m}\n`),
    warn: (m) => io.stderr.write(`[warn] ${m}\n`),
    error: (m) => verbose && io.stderr.write(`[error] ${m}\n`),
  };
}
