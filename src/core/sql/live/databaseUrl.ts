import { REDACTED } from '../../llm/redact';

/** The live database the user named, by the environment variable that holds its connection string. */
export interface LiveDatabase {
  /** The variable's name: the only thing ever shown. */
  readonly envName: string;
  /** The connection string: a secret, never logged, never sent, redacted from errors. */
  readonly url: string;
}

export type LiveDatabaseLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly database: LiveDatabase }
  | { readonly kind: 'invalid'; readonly message: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The database named by `envName` (nothing is read when no name is given). The value must be a
 * Postgres connection string (`postgres://` or `postgresql://`); errors never repeat the value.
 */
export function liveDatabaseFromEnv(envName: string | undefined, env: Readonly<Record<string, string | undefined>>): LiveDatabaseLookup {
  const name = envName?.trim() ?? '';
  if (name === '') {
    return { kind: 'none' };
  }
  if (!ENV_NAME.test(name)) {
    return { kind: 'invalid', message: `"${name}" is not an environment variable name: give the NAME of the variable that holds the connection string, not the string itself.` };
  }
  const url = env[name]?.trim() ?? '';
  if (url === '') {
    return { kind: 'invalid', message: `The environment variable ${name} is not set (or empty): set it to a postgres:// connection string.` };
  }
  if (!/^postgres(?:ql)?:\/\//i.test(url)) {
    return { kind: 'invalid', message: `The environment variable ${name} does not hold a postgres:// connection string (only Postgres databases can be used live).` };
  }
  return { kind: 'ok', database: { envName: name, url } };
}

/** `text` without the connection string or its password (errors may quote them). */
export function redactConnection(text: string, database: LiveDatabase): string {
  const secrets = [database.url];
  try {
    const parsed = new URL(database.url);
    secrets.push(decodeURIComponent(parsed.password), parsed.password);
  } catch {
    // An unparseable string is redacted whole only.
  }
  let out = text;
  for (const secret of secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
