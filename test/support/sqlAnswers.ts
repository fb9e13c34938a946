// Scripted model answers for the SQL feature (issue 11): the issue's example question, good answers
// per dialect with fixture rows on both sides of every boundary, and the bad answers that must be refused.

/** 统计每周三下午3点后登录的付费用户 */
export const WEEKLY_QUESTION = 'count, week by week, the paying users who logged in after 3 pm on Wednesdays';
export const TIME_ZONE = 'Asia/Shanghai';

/** Users 1 and 3 pay (active), user 2 does not (canceled). Times are UTC; Shanghai is UTC+8. */
const rows = {
  users: [
    { id: 1, email: 'ann@example.com' },
    { id: 2, email: 'bob@example.com' },
    { id: 3, email: 'cy@example.com' },
  ],
  subscriptions: [
    { id: 1, user_id: 1, status: 'active', plan: 'pro', started_at: '2026-01-01T00:00:00Z' },
    { id: 2, user_id: 2, status: 'canceled', plan: 'pro', started_at: '2026-01-01T00:00:00Z' },
    { id: 3, user_id: 3, status: 'active', plan: 'team', started_at: '2026-01-01T00:00:00Z' },
  ],
  logins: [
    { id: 1, user_id: 1, logged_in_at: '2026-11-04T07:00:00Z' }, // Wed 15:00 Shanghai: counts (week of Nov 2)
    { id: 2, user_id: 1, logged_in_at: '2026-11-04T06:59:00Z' }, // Wed 14:59: one minute early
    { id: 3, user_id: 2, logged_in_at: '2026-11-04T08:00:00Z' }, // Wed 16:00 but not paying
    { id: 4, user_id: 3, logged_in_at: '2026-11-03T08:00:00Z' }, // Tuesday 16:00
    { id: 5, user_id: 3, logged_in_at: '2026-11-04T23:30:00Z' }, // Wed 23:30 UTC = Thu 07:30 Shanghai
    { id: 6, user_id: 3, logged_in_at: '2026-11-11T07:30:00Z' }, // next week, Wed 15:30 (07:30 UTC: a UTC query misses it)
    { id: 7, user_id: 1, logged_in_at: '2026-11-11T12:00:00Z' }, // next week, Wed 20:00
    { id: 8, user_id: 1, logged_in_at: '2026-11-08T16:00:00Z' }, // Mon 00:00 Shanghai, the week edge (not a Wednesday)
  ],
};

/** What the weekly query must return on those rows, in Asia/Shanghai. */
export const WEEKLY_EXPECTED = [
  { week: '2026-11-02T00:00:00.000Z', paying_users: 1 },
  { week: '2026-11-09T00:00:00.000Z', paying_users: 2 },
];

const assumptions = ['"paying" = subscriptions.status = active', '"after 3 pm" = at or after 15:00 in the user\'s time zone', 'weeks start on Monday'];

const POSTGRES_SQL = `SELECT date_trunc('week', timezone(:timeZone, l.logged_in_at)) AS week,
       count(DISTINCT u.id)::int AS paying_users
FROM users u
JOIN subscriptions s ON s.user_id = u.id
JOIN logins l ON l.user_id = u.id
WHERE s.status = :status
  AND extract(isodow FROM timezone(:timeZone, l.logged_in_at)) = :weekday
  AND extract(hour FROM timezone(:timeZone, l.logged_in_at)) >= :fromHour
GROUP BY 1
ORDER BY 1
LIMIT 520`;

const SQLITE_SQL = `SELECT date(l.logged_in_at, :timeZoneOffset, 'weekday 0', '-6 days') AS week,
       count(DISTINCT u.id) AS paying_users
FROM users u
JOIN subscriptions s ON s.user_id = u.id
JOIN logins l ON l.user_id = u.id
WHERE s.status = :status
  AND strftime('%w', l.logged_in_at, :timeZoneOffset) = :weekday
  AND strftime('%H', l.logged_in_at, :timeZoneOffset) >= :fromHour
GROUP BY week
ORDER BY week
LIMIT 520`;

/** An answer as the model writes it: JSON first, then the query in a ```sql block. */
export function sqlAnswerText(json: unknown, sql: string | undefined): string {
  return `\`\`\`json\n${JSON.stringify(json, undefined, 2)}\n\`\`\`\n${sql === undefined ? '' : `\n\`\`\`sql\n${sql}\n\`\`\`\n`}`;
}

/** The good answer for postgres projects (Prisma, Drizzle, TypeORM fixtures). */
export const postgresWeekly = {
  json: {
    functionName: 'weeklyPayingWednesdayLogins',
    parameters: [
      { name: 'status', value: 'active', description: 'a paying subscription' },
      { name: 'weekday', value: 3, description: 'ISO weekday, Wednesday' },
      { name: 'fromHour', value: 15, description: '3 pm' },
    ],
    assumptions,
    questions: [],
    rows,
    expected: WEEKLY_EXPECTED,
  },
  sql: POSTGRES_SQL,
};

/** The good answer for the SQLite project (plain SQL migrations). */
export const sqliteWeekly = {
  json: {
    ...postgresWeekly.json,
    parameters: [
      { name: 'status', value: 'active' },
      { name: 'weekday', value: '3', description: "strftime('%w') text, Wednesday" },
      { name: 'fromHour', value: '15' },
    ],
    expected: [
      { week: '2026-11-02', paying_users: 1 },
      { week: '2026-11-09', paying_users: 2 },
    ],
  },
  sql: SQLITE_SQL,
};

/** Bad answers, each with the words its refusal must contain. */
export const badAnswers: readonly { readonly name: string; readonly sql: string; readonly refusal: RegExp }[] = [
  { name: 'unknown column', sql: POSTGRES_SQL.replace('l.logged_in_at)) >= :fromHour', 'l.login_time)) >= :fromHour'), refusal: /unknown column "l\.login_time"/ },
  { name: 'a DELETE', sql: 'DELETE FROM logins WHERE user_id = :status', refusal: /writes data \(DELETE\)/ },
  { name: 'two statements', sql: `${POSTGRES_SQL};\nDROP TABLE users`, refusal: /2 statements/ },
  { name: 'wrong dialect', sql: SQLITE_SQL.replace(':timeZoneOffset', ':timeZone'), refusal: /strftime\(\) is SQLite, not PostgreSQL/ },
  { name: 'injected literal', sql: POSTGRES_SQL.replace('s.status = :status', "s.status = 'active' OR 1 = 1"), refusal: /literal 'active' is inlined|compares two literals/ },
  { name: 'time zone ignored', sql: POSTGRES_SQL.replace(/timezone\(:timeZone, l\.logged_in_at\)/g, 'l.logged_in_at'), refusal: /ignore the time zone/ },
];
