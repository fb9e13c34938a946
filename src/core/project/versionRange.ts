import semver from 'semver';

/** Ranges that name no registry version: local paths, links, git and URLs, workspace protocols, tags. */
const NOT_A_VERSION = /^(?:workspace|file|link|git|git\+[a-z]+|https?|portal|patch|catalog):/;

/** The range part of a dependency value (`npm:zod@^3.22` → `^3.22`). */
function rangeOf(value: string): string | undefined {
  const cleaned = value.trim().replace(/^npm:(?:@[^/]+\/)?[^@]+@/, '');
  return NOT_A_VERSION.test(cleaned) ? undefined : semver.validRange(cleaned, { loose: true }) ?? undefined;
}

/**
 * The lowest version a dependency range allows, as `major.minor.patch[-pre]` (`^5.4.2` → `5.4.2`,
 * `~3.22` → `3.22.0`, `>=5.5 <6 || ^4.9` → `4.9.0`), by semver's own range semantics; undefined
 * for tags, URLs, local paths and `workspace:*`.
 */
export function minVersion(range: string): string | undefined {
  const valid = rangeOf(range);
  if (valid === undefined) {
    return undefined;
  }
  try {
    return semver.minVersion(valid)?.version;
  } catch {
    return undefined;
  }
}

/** The major version a range starts at, or undefined. */
export function majorOf(range: string): number | undefined {
  const version = minVersion(range);
  return version === undefined ? undefined : semver.major(version);
}

/** Compares two versions by semver precedence (a pre-release sorts before its release); loose input is coerced. */
export function compareVersions(a: string, b: string): number {
  const left = semver.valid(a) ?? semver.coerce(a)?.version ?? '0.0.0';
  const right = semver.valid(b) ?? semver.coerce(b)?.version ?? '0.0.0';
  return semver.compare(left, right);
}
