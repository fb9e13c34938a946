import type { z } from 'zod';

/** One line per zod issue, prefixed with its path: `endpoints.0.path: a path such as /users/{id}`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    const line = path.length > 0 ? `${path}: ${issue.message}` : issue.message;
    if (issue.code === 'invalid_union') {
      const nested = issue.errors.flatMap((branch) => formatIssues(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
      return nested.length > 0 ? nested : [line];
    }
    return [line];
  });
}
