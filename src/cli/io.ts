/** What a CLI command may touch: passed in, so tests run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly signal: AbortSignal;
  /** Piped input (`routecraft triage < log.txt`); absent or a TTY means nothing was piped. */
  readonly stdin?: AsyncIterable<string | Buffer> & { readonly isTTY?: boolean };
}
