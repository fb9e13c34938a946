import { assignmentRule, envRule } from './assignmentRules';
import { cardRule, emailRule, ibanRule, nationalIdRules, phoneRules } from './personalRules';
import { providerRules } from './providerRules';
import type { Rule } from './rule';
import { jwtRule, privateKeyRule, urlPasswordRule } from './structuralRules';

/**
 * Every built-in rule, most specific first: when two findings overlap, the earlier rule wins
 * (a JWT assigned to `token` is a JWT; a URL's password beats the e-mail-shaped `pass@host`).
 */
export const BUILT_IN_RULES: readonly Rule[] = [
  privateKeyRule,
  jwtRule,
  ...providerRules,
  urlPasswordRule,
  assignmentRule,
  envRule,
  ibanRule,
  cardRule,
  ...nationalIdRules,
  emailRule,
  ...phoneRules,
];
