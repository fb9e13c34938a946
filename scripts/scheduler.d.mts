// Types of scripts/scheduler.mjs for the TypeScript tests (the script itself is plain Node: it runs before npm ci).

/** A task of `npm test`: a stage (lane true) or an install (lane false), waiting for the tasks in `after`. */
export interface Task {
  readonly name: string;
  readonly after: readonly string[];
  readonly seconds: number;
  readonly lane: boolean;
}

/** What `start` resolves with: at least whether the task passed. */
export interface Outcome {
  readonly ok: boolean;
  readonly detail?: string;
}

/** One task's result: `ran` false when a prerequisite (`because`) failed or was not run. */
export type PlanResult<O extends Outcome = Outcome> = (Partial<O> & { readonly name: string; readonly ok: boolean; readonly ran: true }) | { readonly name: string; readonly ok: false; readonly ran: false; readonly because: string };

export function matches(name: string, only: readonly string[]): boolean;
export function checkTasks(tasks: readonly Task[]): void;
export function selectTasks<T extends Task>(tasks: readonly T[], only: readonly string[]): T[];
export function runPlan<T extends Task, O extends Outcome>(
  tasks: readonly T[],
  options: { laneCount: number; start: (task: T) => Promise<O>; onNotRun?: (task: T, because: string) => void },
): Promise<PlanResult<O>[]>;
