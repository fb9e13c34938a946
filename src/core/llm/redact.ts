/** Text that stands in for anything secret in messages and logs. */
export const REDACTED = '[redacted]';

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const KEY_LIKE = /\b(sk|pk|rk|gsk|xai|hf)[-_][A-Za-z0-9_-]{8,}/g;

/**
 * Removes every occurrence of the given secrets, and anything shaped like a bearer token or an
 * API key, from `text`. Secrets shorter than 4 characters are ignored (they would match noise).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) {
      out = out.split(secret).join(REDACTED);
    }
  }
  return out.replace(BEARER, `$1 ${REDACTED}`).replace(KEY_LIKE, REDACTED);
}

/**
 * A URL fit for messages and logs: no user info, no query string, no fragment (any of which may
 * carry a key). Unparseable input is returned without anything after `?` or `#`.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

/** Shortens `text` to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}
