import { digitsOf, isCardNumber, isIban, isPhoneLength } from '../validators';
import { regexRule, type Rule } from './rule';

/** RFC 2606/6761 example domains and file-name look-alikes (`logo@2x.png`) are not personal data. */
const NOT_AN_EMAIL_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$|\.(?:png|jpe?g|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|css|json|map|md|html?)$/i;

/** E-mail addresses. The local part starts after any e-mail character, so each run is scanned once. */
export const emailRule: Rule = regexRule(
  'email',
  'EMAIL',
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?<d>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})(?![A-Za-z0-9-])/g,
  (value) => {
    const domain = value.slice(value.indexOf('@') + 1);
    return !NOT_AN_EMAIL_DOMAIN.test(domain) && !/^git@/.test(value);
  },
);

/**
 * Phone numbers: `+CC` numbers with 8–15 digits (spaces, dots, dashes, brackets between digits);
 * US `(415) 555-0132` / `415-555-0132`; UK `020 7946 0958` / `07700 900123`; French `06 12 34 56 78`.
 * National formats need separators, so plain numbers, dates (4-2-2), versions and IPs do not match.
 */
export const phoneRules: readonly Rule[] = [
  regexRule('phone-international', 'PHONE', /(?<![\w)+.])\+[1-9](?:[ .\-()]{0,2}\d){7,14}(?!\d|\.\d|-\d)/g, isPhoneLength),
  regexRule('phone-us', 'PHONE', /(?<![\w.+/-])(?:1[ .-])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![\w.-]?\d)/g),
  regexRule(
    'phone-uk',
    'PHONE',
    /(?<![\w.+/-])0(?:\d{2} \d{4} \d{4}|\d{3} \d{3} \d{4}|\d{4} \d{6}|7\d{3} \d{3} ?\d{3})(?![\w.-]?\d)/g,
    (value) => digitsOf(value).length === 11,
  ),
  regexRule('phone-fr', 'PHONE', /(?<![\w.+/-])0[1-9](?:[ .]\d{2}){4}(?![\w.-]?\d)/g),
];

/** Card numbers: 13–19 digits in groups (spaces or dashes allowed), known issuer prefix, Luhn-valid. */
export const cardRule: Rule = regexRule(
  'card',
  'CARD',
  /(?<![\w.-])(?:\d{4}[ -]?\d{6}[ -]?\d{5}|\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\w-]|\.\d)/g,
  isCardNumber,
);

/** US SSN (dashed; area not 000/666/9xx, group not 00, serial not 0000) and UK National Insurance numbers. */
export const nationalIdRules: readonly Rule[] = [
  regexRule('us-ssn', 'NATIONAL_ID', /(?<![\w.-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-]|\.\d)/g),
  regexRule(
    'uk-nino',
    'NATIONAL_ID',
    /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
  ),
];

/** IBANs, compact or in groups of four, that pass the mod-97 check. */
export const ibanRule: Rule = regexRule(
  'iban',
  'IBAN',
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
  isIban,
);
