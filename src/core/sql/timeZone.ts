import { RoutecraftError } from '../errors';

/** Throws unless `zone` is an IANA time zone this runtime knows (`Europe/Paris`, `UTC`). */
export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new RoutecraftError('invalid-input', `Unknown time zone "${zone}": use an IANA name such as Europe/Paris, Asia/Shanghai or UTC.`);
  }
}

/** The zone's UTC offset at `at`, as an SQLite date modifier (`+480 minutes`). */
export function sqliteOffsetModifier(zone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const minutes = Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  return `${minutes >= 0 ? '+' : '-'}${Math.abs(minutes)} minutes`;
}

/** The zone's UTC offset at `at`, in minutes (east positive). */
export function offsetMinutes(zone: string, at: Date): number {
  const modifier = sqliteOffsetModifier(zone, at);
  const minutes = Number(/\d+/.exec(modifier)?.[0] ?? 0);
  return modifier.startsWith('-') ? -minutes : minutes;
}

/**
 * Why a fixed SQLite offset modifier cannot stand for `zone`, or undefined when it can. SQLite knows
 * no time zones: the query shifts every row by one offset, so a zone that changes its offset (daylight
 * saving time) would put rows on the other side of a DST change into the wrong hour, day or week.
 * Checked for the years of `dates` (the fixture rows, today).
 */
export function sqliteFixedOffsetProblem(zone: string, dates: readonly Date[]): string | undefined {
  const years = new Set(dates.map((d) => d.getUTCFullYear()));
  for (const year of years) {
    const winter = offsetMinutes(zone, new Date(Date.UTC(year, 0, 15)));
    const summer = offsetMinutes(zone, new Date(Date.UTC(year, 6, 15)));
    if (winter !== summer) {
      const hours = (m: number): string => `UTC${m >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`;
      return `${zone} changes its UTC offset in ${year} (${hours(winter)} in January, ${hours(summer)} in July), and SQLite has no time zones: one fixed offset would put rows across a daylight-saving change into the wrong hour, day or week. Nothing was generated. Use a zone without daylight saving time for this question (routecraft.sql.timeZone / --time-zone), or store the local time beside each timestamp.`;
    }
  }
  return undefined;
}
