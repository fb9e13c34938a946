import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A finding every fixture commit must produce, at this exact line. */
export interface ExpectedFinding {
  readonly commit: string;
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

export interface ReviewRepo {
  readonly dir: string;
  /** Commit ids by name: base, removeValidation, addDependency, leakKey, changeStatus. */
  readonly commits: Readonly<Record<'base' | 'removeValidation' | 'addDependency' | 'leakKey' | 'changeStatus', string>>;
  readonly expected: readonly ExpectedFinding[];
}

/** A Stripe-shaped live key (fake) that the redactor's provider rule recognises. */
export const LEAKED_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

const usersTs = (nameRule: string, status: number): string => `import { z } from 'zod';
import type { Request, Response } from 'express';

export const CreateUserSchema = z.object({
  email: z.string().email(),
  name: ${nameRule},
});

export function createUser(req: Request, res: Response): void {
  const parsed = CreateUserSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues });
    return;
  }
  const user = { id: 1, ...parsed.data };
  res.status(${status}).json(user);
}
`;

const routesTs = `import express from 'express';
import { createUser } from './users';

export const app = express();
app.use(express.json());
app.post('/users', createUser);
`;

const testTs = `import { describe, it, expect } from 'vitest';
import { CreateUserSchema } from '../src/users';

describe('CreateUserSchema', () => {
  it('rejects a bad e-mail', () => {
    expect(CreateUserSchema.safeParse({ email: 'x', name: 'A' }).success).toBe(false);
  });
});
`;

const pkg = (deps: Record<string, string>): string => `${JSON.stringify({ name: 'review-fixture', version: '1.0.0', dependencies: deps, devDependencies: { vitest: '^2.1.0' } }, undefined, 2)}\n`;
const config = (extra: string): string => `{\n  "port": 3000,\n  "db": "postgres://localhost/app"${extra}\n}\n`;

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Runs git in `dir` with a fixed identity and dates (deterministic ids). */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  }).trim();
}

function commit(dir: string, message: string): string {
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-q', '-m', message);
  return gitIn(dir, 'rev-parse', 'HEAD');
}

/**
 * A small Express + zod project with four commits a reviewer must catch: a removed validation, a
 * new dependency, a key leaked into a config file, a changed response status.
 */
export function buildReviewRepo(parent = tmpdir()): ReviewRepo {
  const dir = mkdtempSync(join(parent, 'routecraft-review-'));
  gitIn(dir, 'init', '-q', '-b', 'main');
  write(dir, 'package.json', pkg({ express: '^4.19.2', zod: '^3.23.8' }));
  write(dir, 'src/users.ts', usersTs('z.string().min(1)', 201));
  write(dir, 'src/routes.ts', routesTs);
  write(dir, 'test/users.test.ts', testTs);
  write(dir, 'config/default.json', config(''));
  const base = commit(dir, 'base');
  write(dir, 'src/users.ts', usersTs('z.string()', 201));
  const removeValidation = commit(dir, 'users: accept any name');
  write(dir, 'package.json', pkg({ express: '^4.19.2', lodash: '^4.17.21', zod: '^3.23.8' }));
  const addDependency = commit(dir, 'add lodash');
  write(dir, 'config/default.json', config(`,\n  "stripeKey": "${LEAKED_KEY}"`));
  const leakKey = commit(dir, 'config: payments');
  write(dir, 'src/users.ts', usersTs('z.string()', 200));
  const changeStatus = commit(dir, 'users: 200 on create');
  return {
    dir,
    commits: { base, removeValidation, addDependency, leakKey, changeStatus },
    expected: [
      { commit: removeValidation, file: 'src/users.ts', line: 6, rule: 'validation-removed' },
      { commit: addDependency, file: 'package.json', line: 6, rule: 'dependency-added' },
      { commit: leakKey, file: 'config/default.json', line: 4, rule: 'secret-added' },
      { commit: changeStatus, file: 'src/users.ts', line: 16, rule: 'status-changed' },
    ],
  };
}
