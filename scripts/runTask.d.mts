// Types of scripts/runTask.mjs for the TypeScript tests (the script itself is plain Node: it runs before npm ci).

export interface CommandTask {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly seconds: number;
}

export interface TaskOutcome {
  readonly ok: boolean;
  readonly seconds: number;
  readonly cpu: { readonly user: number; readonly system: number } | undefined;
  readonly detail: string | undefined;
}

export function timing(seconds: number, cpu: { readonly user: number; readonly system: number } | undefined): string;
export function runTask(
  task: CommandTask,
  options: { id: string; work: string; cwd: string; env: NodeJS.ProcessEnv; dryRun?: boolean; print: (text: string) => void },
): Promise<TaskOutcome>;
