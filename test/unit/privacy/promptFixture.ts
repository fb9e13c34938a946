const CODE = [
  "import { Router } from 'express';",
  "import { z } from 'zod';",
  'export const CreateUser = z.object({ email: z.string().email(), password: z.string().min(8) });',
  'router.post("/users", async (req, res) => {',
  '  const body = CreateUser.parse(req.body);',
  '  const passwordHash = await bcrypt.hash(body.password, 12);',
  '  const user = await db.user.create({ data: { email: body.email, passwordHash } });',
  '  logger.info(`created user ${user.id} at ${new Date().toISOString()}`);',
  '  res.status(201).json({ id: user.id, version: "1.4.2" });',
  '});',
  '// TODO: rate limit, see https://github.com/acme/api/issues/1234',
  'const retry = { attempts: 3, delayMs: 250, port: 5432, host: "10.0.0.12" };',
];

const SECRETS = [
  'const stripe = new Stripe("sk_live_B16JC5kV3ECqWp1OrXXHFOpr");',
  'DATABASE_URL=postgres://app:Pg-s3cret-77@db.internal:5432/app',
  '  apiKey: "c0ffee-Xk29-fLq8Rm3T",',
  '// contact jane.doe@acme-corp.io or +44 20 7946 0958',
  'const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk";',
  "aws_secret_access_key = 'mhZRnFyy5r2xJ7Fj4mgblEv0+9BZhvWaXH6K2+ty'",
  'password: Winter2024!',
  'const gh = "ghp_7w4e4pxskC1ITtNZPHaQ0Jt7Qg84iqh4gVJj";',
];

/** A prompt of `lines` lines: TypeScript route code with a secret or a personal detail every 200 lines. */
export function realisticPrompt(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i += 1) {
    out.push(i % 200 === 100 ? SECRETS[(i / 200) % SECRETS.length | 0]! : CODE[i % CODE.length]!);
  }
  return out.join('\n');
}
