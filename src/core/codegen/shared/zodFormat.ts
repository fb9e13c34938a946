import type { JsonSchemaFormat } from '../../endpointSpec';
import { stringLiteral } from './literal';
import type { ZodContext } from './zodExpression';

/** Host names as RFC 1123 allows them; zod 3 has no hostname check of its own. */
export const HOSTNAME_PATTERN = '^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';

/** The start of a zod chain for a string format, in the form each zod major documents. */
export function zodFormatBase(format: JsonSchemaFormat, ctx: ZodContext): string {
  const q = (s: string): string => stringLiteral(s, ctx.style);
  if (ctx.zodMajor === 4) {
    switch (format) {
      case 'email':
        return 'z.email()';
      case 'uuid':
        return 'z.uuid()';
      case 'date-time':
        return 'z.iso.datetime({ offset: true })';
      case 'date':
        return 'z.iso.date()';
      case 'uri':
      case 'url':
        return 'z.url()';
      case 'ipv4':
        return 'z.ipv4()';
      case 'ipv6':
        return 'z.ipv6()';
      case 'hostname':
        return 'z.hostname()';
    }
  }
  switch (format) {
    case 'email':
      return 'z.string().email()';
    case 'uuid':
      return 'z.string().uuid()';
    case 'date-time':
      return 'z.string().datetime({ offset: true })';
    case 'date':
      return 'z.string().date()';
    case 'uri':
    case 'url':
      return 'z.string().url()';
    case 'ipv4':
      return `z.string().ip({ version: ${q('v4')} })`;
    case 'ipv6':
      return `z.string().ip({ version: ${q('v6')} })`;
    case 'hostname':
      return `z.string().regex(/${new RegExp(HOSTNAME_PATTERN, 'u').source}/u)`;
  }
}
