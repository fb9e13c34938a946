/**
 * What the redactor looks for. Each category has one placeholder prefix, `<PREFIX_N>`, numbered
 * per category and per request (`<SECRET_1>`, `<SECRET_2>`, `<EMAIL_1>` …).
 *
 * | Category      | Prefix        | Kind     | What it covers                                                        |
 * |---------------|---------------|----------|-----------------------------------------------------------------------|
 * | `SECRET`      | `SECRET`      | secret   | provider keys and tokens, bearer tokens, values assigned to secret-ish names, `.env` values |
 * | `PRIVATE_KEY` | `PRIVATE_KEY` | secret   | PEM private-key blocks (also `\n`-escaped inside JSON strings)       |
 * | `JWT`         | `JWT`         | secret   | JSON Web Tokens (`eyJ….eyJ….sig`)                                      |
 * | `PASSWORD`    | `PASSWORD`    | secret   | passwords in URLs (`scheme://user:PASS@host`) and in `password=`-style assignments |
 * | `EMAIL`       | `EMAIL`       | personal | e-mail addresses (not RFC 2606 example domains)                       |
 * | `PHONE`       | `PHONE`       | personal | `+CC` international numbers; US, UK and French national formats     |
 * | `CARD`        | `CARD`        | personal | payment card numbers with a known prefix that pass Luhn               |
 * | `NATIONAL_ID` | `NATIONAL_ID` | personal | US SSN (area/group/serial rules), UK National Insurance number        |
 * | `IBAN`        | `IBAN`        | personal | IBANs that pass the mod-97 check                                      |
 * | `CUSTOM`      | pattern name  | secret   | user patterns from settings; the prefix is the pattern's name         |
 *
 * Secret-kind placeholders are never written back into code (see `restore`).
 */
export const CATEGORIES = [
  'SECRET',
  'PRIVATE_KEY',
  'JWT',
  'PASSWORD',
  'EMAIL',
  'PHONE',
  'CARD',
  'NATIONAL_ID',
  'IBAN',
  'CUSTOM',
] as const;

/** One kind of sensitive data; see {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** `secret`: never restored into code. `personal`: restored for display only. */
export type SensitivityKind = 'secret' | 'personal';

const PERSONAL: ReadonlySet<Category> = new Set<Category>(['EMAIL', 'PHONE', 'CARD', 'NATIONAL_ID', 'IBAN']);

/** Whether a category holds credentials (`secret`) or personal data (`personal`). */
export function kindOf(category: Category): SensitivityKind {
  return PERSONAL.has(category) ? 'personal' : 'secret';
}

/** A fresh count per category, all zero. */
export function zeroCounts(): Record<Category, number> {
  const counts = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    counts[category] = 0;
  }
  return counts;
}
