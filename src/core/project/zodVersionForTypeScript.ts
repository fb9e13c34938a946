import { compareVersions, minVersion } from './versionRange';

/** The zod to add to a project that has none, and the API major the generators then write. */
export interface ZodChoice {
  readonly range: string;
  readonly major: 3 | 4;
}

export const ZOD_4: ZodChoice = { range: '^4.0.0', major: 4 };
/** zod 3.25 supports TypeScript 4.5+ (and ships zod 4 under `zod/v4`). */
export const ZOD_3: ZodChoice = { range: '^3.25.0', major: 3 };

/**
 * The zod range to add when zod is missing: zod 4 needs TypeScript 5.5 or newer, older (or
 * unknown) TypeScript gets zod 3.25. Accepts a version or a range (`~5.4.0` → 5.4.0).
 */
export function zodVersionForTypeScript(typescriptVersion: string | undefined): ZodChoice {
  const version = typescriptVersion === undefined ? undefined : minVersion(typescriptVersion);
  return version !== undefined && compareVersions(version, '5.5.0') >= 0 ? ZOD_4 : ZOD_3;
}
