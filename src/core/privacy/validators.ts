/** Checks that turn a pattern match into a confident finding. Pure functions over the matched text. */

/** Only the digits of `text`. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The Luhn (mod 10) check used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
    if (double) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** A card number: 13–19 digits, a known issuer prefix, Luhn-valid, not all one digit. */
export function isCardNumber(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) {
    return false;
  }
  const knownIssuer = /^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9]|22)|35|3(?:0[0-5]|[68]))/.test(digits);
  return knownIssuer && passesLuhn(digits);
}

/** Expected IBAN lengths for common countries; others must be 15–34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20, BE: 16, CH: 21, CZ: 24, DE: 22, DK: 18, ES: 24, FI: 18, FR: 27, GB: 22, GR: 27, HR: 21, HU: 28,
  IE: 22, IT: 27, LU: 20, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24,
};

/** An IBAN: right length for its country and a mod-97 remainder of 1 (ISO 13616). */
export function isIban(text: string): boolean {
  const iban = text.replace(/\s/g, '').toUpperCase();
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) {
    return false;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) {
      remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
    }
  }
  return remainder === 1;
}

/** A phone number has 8–15 digits (E.164 allows at most 15). */
export function isPhoneLength(text: string): boolean {
  const n = digitsOf(text).length;
  return n >= 8 && n <= 15;
}

/** Value-shaped text that is a reference or a stand-in, not a secret (`${X}`, `<your-key>`, `***`). */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return (
    v.length === 0 ||
    /^(?:\$\{[^}]*\}|\$\(?[A-Za-z_]\w*\)?|%[A-Za-z_]\w*%|\{\{[^}]*\}\}|<[^<>]*>|\[[^\]]*\])$/.test(v) ||
    /^(?:\*+|x+|X+|\.{3}|…|-+|_+|null|none|nil|undefined|true|false|changeme_?later)$/i.test(v) ||
    /^(?:your|my|example|sample|dummy|fake|placeholder|insert|replace|enter)(?:[_\s-]|$)/i.test(v) ||
    /^(?:process\.env|os\.environ|import\.meta\.env|env)\b/.test(v)
  );
}

/** Text that looks like a random token: long, letters and digits, not a hex hash or a UUID. */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || !/\d/.test(value) || !/[A-Za-z]/.test(value)) {
    return false;
  }
  if (/^[0-9a-f]+$/i.test(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    return false;
  }
  return new Set(value).size >= 10;
}
