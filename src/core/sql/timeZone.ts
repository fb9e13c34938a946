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
