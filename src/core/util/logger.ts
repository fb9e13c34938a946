/** A sink for troubleshooting lines (the "Routecraft" output channel, stderr in the CLI). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A Logger that drops every line. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
