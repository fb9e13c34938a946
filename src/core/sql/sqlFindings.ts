/** What a check found: errors refuse the query (and go into the repair turn); warnings are shown. */
export interface SqlFindings {
  readonly errors: string[];
  readonly warnings: string[];
}

export function emptyFindings(): SqlFindings {
  return { errors: [], warnings: [] };
}
