import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';

/** Writes files (root-relative paths) into a copy. */
export function writeInto(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const pricing = (): string => `export interface LineItem {
  sku: string
  unitPrice: number
  quantity: number
}

export interface Cart {
  items: LineItem[]
  coupon?: string
}

export function subtotal(items: LineItem[]): number {
  return items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0)
}
`;

const discount = (ext: string): string => `import { subtotal, type Cart } from './pricing${ext}'

export type DiscountResult = { total: number; discount: number }

/** Applies a percentage discount to a cart. */
export function applyDiscount(cart: Cart, percent: number) {
  if (percent < 0 || percent > 100) {
    throw new RangeError('percent must be between 0 and 100')
  }
  const before = subtotal(cart.items)
  const off = Math.round(before * percent) / 100
  const result: DiscountResult = { total: before - off, discount: off }
  return result
}

export class PriceBook {
  private readonly prices = new Map<string, number>()

  add(sku: string, price: number): void {
    this.prices.set(sku, price)
  }

  lookup(sku: string): number {
    const price = this.prices.get(sku)
    if (price === undefined) {
      throw new Error(\`unknown sku \${sku}\`)
    }
    return price
  }
}
`;

const orders = (ext: string): string => `import { Router } from 'express'
import { applyDiscount } from '../lib/testgenDiscount${ext}'

export const ordersRouter = Router()

ordersRouter.post('/orders', (req, res) => {
  const result = applyDiscount({ items: req.body.items ?? [] }, 10)
  res.status(201).json(result)
})
`;

/** A copy of express5-vitest (ESM, NodeNext, vitest) with the testgen target modules added. */
export function vitestCopy(copyName: string): string {
  const root = prepareWorkspace('express5-vitest', copyName);
  writeInto(root, { 'src/lib/pricing.ts': pricing(), 'src/lib/testgenDiscount.ts': discount('.js'), 'src/routes/testgenOrders.ts': orders('.js') });
  return root;
}

/** A copy of express4-jest (CommonJS, jest, colocated specs) with the testgen target modules added. */
export function jestCopy(copyName: string): string {
  const root = prepareWorkspace('express4-jest', copyName);
  writeInto(root, { 'src/lib/pricing.ts': pricing(), 'src/lib/testgenDiscount.ts': discount('') });
  return root;
}

/** An answer as a model would write it: the JSON, then one ```ts <id> block per case. */
export function answerText(cases: readonly { id: string; title: string; checks?: string; body?: string }[], imports?: string): string {
  const json = JSON.stringify({ cases: cases.map((c) => ({ id: c.id, title: c.title, checks: c.checks ?? c.title })) }, null, 2);
  const blocks = cases.flatMap((c) => (c.body === undefined ? [] : [`\`\`\`ts ${c.id}\n${c.body}\n\`\`\``]));
  return ['```json', json, '```', ...(imports === undefined ? [] : ['```ts imports', imports, '```']), ...blocks].join('\n');
}
