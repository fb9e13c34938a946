/**
 * The lowest version a dependency range allows, as `major.minor.patch` (`^5.4.2` → `5.4.2`,
 * `~3.22` → `3.22.0`, `>=4 <6` → `4.0.0`); undefined for tags, URLs and `workspace:*`.
 */
export function minVersion(range: string): string | undefined {
  const cleaned = range.trim().replace(/^npm:[^@]+@/, '');
  const match = /(?:^|[\s^~>=v])(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(cleaned);
  if (!match || /^(?:workspace|file|link|git|https?):/.test(cleaned)) {
    return undefined;
  }
  const part = (value: string | undefined): string => (value === undefined || value === 'x' || value === '*' ? '0' : value);
  return `${match[1] ?? '0'}.${part(match[2])}.${part(match[3])}`;
}

/** The major version a range starts at, or undefined. */
export function majorOf(range: string): number | undefined {
  const version = minVersion(range);
  return version === undefined ? undefined : Number(version.split('.')[0]);
}

/** Compares two `major.minor.patch` versions (pre-release suffixes ignored). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] => v.split('-')[0]!.split('.').map((n) => Number(n) || 0);
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) {
      return diff;
    }
  }
  return 0;
}
