import { looksRandom } from '../validators';
import { regexRule, type Rule } from './rule';

const hasDigit = (value: string): boolean => /\d/.test(value);

/**
 * Keys and tokens with a recognisable shape, by provider. The whole token is replaced, under
 * `SECRET`. Each pattern has a literal prefix, so a pass over a large prompt is cheap.
 */
export const providerRules: readonly Rule[] = [
  regexRule('anthropic', 'SECRET', /\bsk-ant-[A-Za-z0-9]{2,8}-[A-Za-z0-9_-]{20,}/g),
  regexRule('openai', 'SECRET', /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g, hasDigit),
  regexRule('aws-access-key-id', 'SECRET', /\b(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g),
  regexRule(
    'aws-secret-access-key',
    'SECRET',
    /aws[\w-]{0,20}secret[\w-]{0,20}["']?\s*(?::=|=>|[:=])\s*["']?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/dgi,
  ),
  regexRule('github', 'SECRET', /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/g),
  regexRule('github-pat', 'SECRET', /\bgithub_pat_[A-Za-z0-9_]{22,255}/g),
  regexRule('gitlab', 'SECRET', /\bgl(?:pat|dt|ptt|rt)-[A-Za-z0-9_-]{20,}/g),
  regexRule('slack-webhook', 'SECRET', /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,}/g),
  regexRule('slack', 'SECRET', /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/g, hasDigit),
  regexRule('slack-app', 'SECRET', /\bxapp-\d-[A-Za-z0-9-]{10,}/g),
  regexRule('stripe', 'SECRET', /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g),
  regexRule('stripe-webhook', 'SECRET', /\bwhsec_[A-Za-z0-9]{24,}/g),
  regexRule('google-api-key', 'SECRET', /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g),
  regexRule('google-oauth-secret', 'SECRET', /\bGOCSPX-[A-Za-z0-9_-]{20,}/g),
  regexRule('azure-account-key', 'SECRET', /\b(?:AccountKey|SharedAccessKey)=(?<v>[A-Za-z0-9+/]{20,}={0,2})/dg),
  regexRule('azure-sas-signature', 'SECRET', /[?&]sig=(?<v>[A-Za-z0-9%+/]{20,}(?:%3D|=){0,2})/dg),
  regexRule('npm', 'SECRET', /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g),
  regexRule('pypi', 'SECRET', /\bpypi-AgE[A-Za-z0-9_-]{50,}/g),
  regexRule('huggingface', 'SECRET', /\bhf_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g, hasDigit),
  regexRule('groq-xai', 'SECRET', /\b(?:gsk|xai)[-_][A-Za-z0-9]{40,}/g, hasDigit),
  regexRule('sendgrid', 'SECRET', /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g),
  regexRule('shopify', 'SECRET', /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g),
  regexRule('digitalocean', 'SECRET', /\bdo[opr]_v1_[a-f0-9]{64}/g),
  regexRule('mailgun', 'SECRET', /\bkey-[a-f0-9]{32}(?![a-f0-9])/g),
  regexRule('databricks', 'SECRET', /\bdapi[a-f0-9]{32}(?![a-f0-9])/g),
  regexRule('twilio', 'SECRET', /\b(?:SK|AC)[a-f0-9]{32}(?![a-f0-9])/g),
  regexRule(
    'bearer',
    'SECRET',
    /\b(?:Bearer|Token)\s+(?<v>[A-Za-z0-9._~+/-]{16,}=*)/dg,
    (value) => looksRandom(value.replace(/[._~+/=-]/g, '')) || /^[A-Za-z0-9_-]{20,}$/.test(value) && hasDigit(value),
  ),
  regexRule('basic-auth', 'SECRET', /\bAuthorization["']?\s*[:=]\s*["']?Basic\s+(?<v>[A-Za-z0-9+/]{8,}={0,2})/dgi),
];
