// A real Postgres wire-protocol server (pglite-socket over PGlite) for the live-database tests of
// `routecraft sql` (issue 11): reached through `pg` exactly as a user's database would be.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface LiveTestDatabase {
  readonly db: PGlite;
  /** postgres://user:PASSWORD@127.0.0.1:port/postgres (the password is checked for in outputs). */
  readonly url: string;
  readonly password: string;
  close(): Promise<void>;
}

/** Starts PGlite with `ddl` applied, behind a socket server on a free port. */
export async function startLiveDatabase(ddl: string): Promise<LiveTestDatabase> {
  const db = await PGlite.create();
  await db.exec(ddl);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const password = 'pw-Zq81-not-for-logs';
  return {
    db,
    password,
    url: `postgres://routecraft:${password}@${server.getServerConn()}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** The fixtures' users/subscriptions/logins schema as a live database would have it, with comments. */
export const LIVE_DDL = `
CREATE TYPE "SubscriptionStatus" AS ENUM ('active', 'canceled', 'trialing');
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, created_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE users IS 'People who signed up.';
CREATE TABLE subscriptions (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), status "SubscriptionStatus" NOT NULL, plan text NOT NULL, started_at timestamptz NOT NULL);
COMMENT ON COLUMN subscriptions.status IS 'active = paying';
CREATE TABLE logins (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), logged_in_at timestamptz NOT NULL);
CREATE INDEX logins_user ON logins (user_id);
CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb);
INSERT INTO users (email) VALUES ('ann@example.com'), ('bob@example.com');
`;
