import { runCli } from '../../src/cli/main';

/** What one in-process `routecraft` run printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in this process with `env` (the fake LLM's base URL), capturing stdout and stderr. */
export async function cli(args: string[], env: NodeJS.ProcessEnv, signal = new AbortController().signal): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: process.cwd(), signal });
  return { code, out, err };
}

/**
 * A Generate Tests model answer: JSON with the cases, an optional `imports` block, then one fenced
 * block of test code per case.
 */
export function testPlan(cases: Record<string, { title: string; code: string }>, imports?: string): string {
  const json = { cases: Object.entries(cases).map(([id, c]) => ({ id, title: c.title, checks: c.title })) };
  const blocks = Object.entries(cases).map(([id, c]) => `\`\`\`ts ${id}\n${c.code}\n\`\`\``).join('\n');
  const importsBlock = imports === undefined ? '' : `\`\`\`ts imports\n${imports}\n\`\`\`\n`;
  return `\`\`\`json\n${JSON.stringify(json)}\n\`\`\`\n${importsBlock}${blocks}\n`;
}
