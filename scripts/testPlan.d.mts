// Types of scripts/testPlan.mjs for the TypeScript tests (the script itself is plain Node: it runs before npm ci).
import type { Task } from './scheduler.mjs';
import type { CommandTask } from './runTask.mjs';

export type PlanTask = Task & CommandTask;

export const ROOT: string;
export const DEBIAN: string;
export const CODE_SERVER: string;
export const FIXTURES_UNIT: string;
export const FIXTURES_RUNNER: string;
export const FIXTURES_REST: string;
export const BUILD: string;
export function testPlan(root: string, only: readonly string[]): PlanTask[];
