import { isPlaceholderValue } from '../validators';
import { regexRule, type Rule } from './rule';

/** PEM private keys: the whole block, BEGIN to END (a block cut off before END is taken to its last base64 line). */
export const privateKeyRule: Rule = regexRule(
  'pem-private-key',
  'PRIVATE_KEY',
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[^-]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\]*)/g,
);

/** JSON Web Tokens: base64url header and payload that both start with `{"` (`eyJ`), and a signature. */
export const jwtRule: Rule = regexRule('jwt', 'JWT', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g);

/** The password of `scheme://user:PASSWORD@host` (database URLs, AMQP, Redis, HTTP basic auth in URLs). */
export const urlPasswordRule: Rule = regexRule(
  'url-password',
  'PASSWORD',
  /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/?#@'"`]*:(?<v>[^\s/?#@'"`]+)@(?=[A-Za-z0-9[])/dg,
  (value) => !isPlaceholderValue(value) && !/^\$|^\{/.test(value),
);
