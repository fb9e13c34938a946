import type { Category } from '../../../src/core/privacy';
import { V } from './corpusTokens';

/** One realistic sample: `secret` is the exact substring of `text` that must not leave the machine. */
export interface CorpusSample {
  readonly category: Category;
  readonly where: 'code' | 'config' | 'log' | 'prose';
  readonly text: string;
  readonly secret: string;
}

const s = (category: Category, where: CorpusSample['where'], secret: string, text: (v: string) => string): CorpusSample => ({
  category,
  where,
  secret,
  text: text(secret),
});

/** Secrets and personal data in code, config, logs and prose. */
export const CORPUS: readonly CorpusSample[] = [
  // Provider keys and tokens
  s('SECRET', 'code', V.openai_proj, (v) => `const openai = new OpenAI({ apiKey: "${v}" });`),
  s('SECRET', 'log', V.openai_old, (v) => `2024-05-01T10:00:00Z DEBUG llm: using key ${v} for model gpt-4o`),
  s('SECRET', 'prose', V.anthropic, (v) => `My Anthropic key is ${v}, why does the API answer 401?`),
  s('SECRET', 'config', V.akia, (v) => `[default]\naws_access_key_id = ${v}\nregion = eu-west-1`),
  s('SECRET', 'config', V.asia, (v) => `{"Credentials": {"AccessKeyId": "${v}", "Expiration": "2024-06-01T12:00:00Z"}}`),
  s('SECRET', 'config', V.aws_secret1, (v) => `[default]\naws_secret_access_key = ${v}`),
  s('SECRET', 'code', V.aws_secret2, (v) => `const s3 = new S3Client({ credentials: { accessKeyId: id, secretAccessKey: '${v}' } });`),
  s('SECRET', 'config', V.ghp, (v) => `jobs:\n  release:\n    env:\n      github_token: ${v}`),
  s('SECRET', 'log', V.gho, (v) => `$ curl -H "Authorization: token ${v}" https://api.github.com/user`),
  s('SECRET', 'prose', V.ghpat, (v) => `I created a fine-grained token (${v}) but pushing still fails.`),
  s('SECRET', 'log', V.ghs, (v) => `[runner] installation token ${v} expires in 3600s`),
  s('SECRET', 'code', V.glpat, (v) => `git clone https://oauth2:${v}@gitlab.com/acme/backend.git`),
  s('SECRET', 'code', V.xoxb, (v) => `const slack = new WebClient('${v}');`),
  s('SECRET', 'config', V.slackhook, (v) => `alerts:\n  slack_webhook_url: "${v}"`),
  s('SECRET', 'code', V.sk_live, (v) => `const stripe = new Stripe(process.env.STRIPE_KEY ?? "${v}");`),
  s('SECRET', 'log', V.rk_live, (v) => `WARN payments: restricted key ${v} lacks permission charges:write`),
  s('SECRET', 'code', V.sk_test, (v) => `stripe.api_key = "${v}"`),
  s('SECRET', 'code', V.aiza, (v) => `<script src="https://maps.googleapis.com/maps/api/js?key=${v}&callback=initMap"></script>`),
  s('SECRET', 'config', V.azure, (v) => `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${v};EndpointSuffix=core.windows.net`),
  s('SECRET', 'config', V.npm, (v) => `//registry.npmjs.org/:_authToken=${v}`),
  s('SECRET', 'log', V.bearer, (v) => `> GET /v1/orders HTTP/1.1\n> Authorization: Bearer ${v}\n< HTTP/1.1 200 OK`),
  s('SECRET', 'code', V.sendgrid, (v) => `sgMail.setApiKey('${v}');`),
  s('SECRET', 'prose', V.hf, (v) => `Downloading the model with HF_TOKEN set to ${v} gives 403.`),
  // Values assigned to secret-ish names
  s('SECRET', 'code', 'c0ffee-Xk29-fLq8Rm3T', (v) => `const apiKey = '${v}';\nconst client = createClient({ apiKey });`),
  s('SECRET', 'config', 'Zq8!mR2#vL9@xT4', (v) => `oauth:\n  client_id: acme-backend\n  client_secret: ${v}\n`),
  s('SECRET', 'code', 'keyboard cat dog', (v) => `app.use(session({ secret: '${v}', resave: false }));`),
  s('SECRET', 'config', 'tk_9f8e7d6c5b4a', (v) => `[service]\nname = "billing"\napi_key = "${v}"`),
  s('SECRET', 'config', 'kitten-pancake', (v) => `Here is the env file:\n\`\`\`env\nDATABASE_HOST=db.internal\nSESSION_SIGNING=${v}\n\`\`\``),
  s('SECRET', 'config', 'plum-orbit-44', (v) => `This is my .env.local:\n\`\`\`\nFEATURE_FLAG_SEED=${v}\n\`\`\``),
  s('SECRET', 'config', 'Qm9vdHN0cmFwS2V5X3YyOjE4', (v) => `export CI_DEPLOY_KEY=${v}\nexport NODE_ENV=production`),
  s('SECRET', 'log', 'Tk4x9Pq2Lm8Zr7Vw', (v) => `level=info msg="login ok" user=bob token=${v} took=12ms`),
  s('SECRET', 'code', 'django-insecure-9x$k2!p@7m#q', (v) => `# settings.py\nSECRET_KEY = '${v}'\nDEBUG = False`),
  s('SECRET', 'code', 'x9Lm2Qw8Rt5Zp3Vb', (v) => `func main() {\n\tsecret := "${v}"\n\tfmt.Println(sign(secret))\n}`),
  // Passwords
  s('PASSWORD', 'config', 'S3cr3tPass!', (v) => `spring.datasource.username=app\nspring.datasource.password=${v}`),
  s('PASSWORD', 'config', 'pg_pass_2024', (v) => `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${v}`),
  s('PASSWORD', 'config', 'Tr0ub4dor&3', (v) => `Server=tcp:acme.database.windows.net,1433;Database=app;User ID=admin;Password=${v};Encrypt=True;`),
  s('PASSWORD', 'code', 'hunter2hunter2', (v) => `db_password = "${v}"\nconn = psycopg.connect(password=db_password)`),
  s('PASSWORD', 'config', 'm@ilP4ss', (v) => `{"smtp": {"host": "smtp.acme.io", "user": "mailer", "password": "${v}"}}`),
  s('PASSWORD', 'config', 'Pg-s3cret-77', (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/app`),
  s('PASSWORD', 'code', 'Mng0Pass99', (v) => `await mongoose.connect("mongodb+srv://admin:${v}@cluster0.ab1cd.mongodb.net/prod");`),
  s('PASSWORD', 'prose', 'r3disP4ss', (v) => `The cache is at redis://:${v}@cache.internal:6379/0 but connections time out.`),
  s('PASSWORD', 'log', 'rabbitPw_51', (v) => `ERROR amqp: connection to amqp://guest:${v}@mq:5672/ refused`),
  s('PASSWORD', 'code', 'phpS3cret!', (v) => `return ['host' => 'db', 'password' => '${v}'];`),
  s('PASSWORD', 'code', 'goSecret42', (v) => `cfg := Config{}\npassword := "${v}"`),
  s('PASSWORD', 'log', 'R00tPw!x', (v) => `$ mysql -u root --password=${v} -h 127.0.0.1 shop`),
  s('PASSWORD', 'prose', 'Winter2024!', (v) => `I log in as admin with password: ${v}`),
  // Private keys and JWTs
  s('PRIVATE_KEY', 'prose', V.pem_rsa, (v) => `Why does this key fail to load?\n\n${v}\n\nThanks!`),
  s('PRIVATE_KEY', 'config', V.pem_json, (v) => `{"type": "service_account", "project_id": "acme", "private_key": "${v}\\n", "client_email": "svc@acme.iam.gserviceaccount.com"}`),
  s('PRIVATE_KEY', 'config', V.pem_ssh, (v) => `cat ~/.ssh/id_ed25519\n${v}`),
  s('PRIVATE_KEY', 'code', V.pem_ec, (v) => `const signingKey = \`${v}\`;`),
  s('JWT', 'log', V.jwt1, (v) => `curl -H 'Authorization: Bearer ${v}' https://api.acme.io/me`),
  s('JWT', 'code', V.jwt2, (v) => `const token = "${v}";\nexpect(verify(token)).toBeTruthy();`),
  s('JWT', 'log', V.jwt3, (v) => `INFO auth: issued ${v} for uid=99`),
  // Personal data
  s('EMAIL', 'code', 'jane.doe@acme-corp.io', (v) => `await users.insert({ name: "Jane Doe", email: "${v}" });`),
  s('EMAIL', 'log', 'alice.smith+billing@gmail.com', (v) => `2024-05-02 09:14:03 INFO user ${v} logged in from 10.0.0.7`),
  s('EMAIL', 'prose', 'carlos.perez@fastmail.fm', (v) => `Author: Carlos Pérez <${v}>\nDate: Tue May 7 2024`),
  s('EMAIL', 'config', 'ops-oncall@acme.co.uk', (v) => `id,email,plan\n17,${v},pro`),
  s('PHONE', 'config', '+1 415 555 2671', (v) => `{"name": "Bob", "phone": "${v}"}`),
  s('PHONE', 'prose', '+44 20 7946 0958', (v) => `Call our London office on ${v} if the deploy fails.`),
  s('PHONE', 'code', '(415) 555-0132', (v) => `const support = { phone: '${v}', hours: '9-17' };`),
  s('PHONE', 'config', '07700 900123', (v) => `contact:\n  mobile: ${v}`),
  s('PHONE', 'prose', '06 12 34 56 78', (v) => `Mon numéro est le ${v}, merci de rappeler.`),
  s('PHONE', 'code', '+14155552671', (v) => `await twilio.messages.create({ to: '${v}', body: 'Your code is 4821' });`),
  s('PHONE', 'log', '+49 30 901820', (v) => `WARN sms: delivery to ${v} failed (code 30003)`),
  s('CARD', 'log', '4111 1111 1111 1111', (v) => `DEBUG checkout: card=${v} exp=12/27`),
  s('CARD', 'config', '5555-5555-5555-4444', (v) => `{"customer": 42, "pan": "${v}"}`),
  s('CARD', 'code', '378282246310005', (v) => `const amex = '${v}';`),
  s('CARD', 'prose', '6011 1111 1111 1117', (v) => `The payment with card ${v} was declined twice.`),
  s('NATIONAL_ID', 'config', '536-22-1847', (v) => `first,last,ssn\nMary,Major,${v}`),
  s('NATIONAL_ID', 'prose', 'JG 10 37 82 A', (v) => `Her National Insurance number is ${v}.`),
  s('NATIONAL_ID', 'code', 'AB123456C', (v) => `const employee = { nino: "${v}", start: "2024-04-01" };`),
  s('IBAN', 'prose', 'GB82 WEST 1234 5698 7654 32', (v) => `Please refund to ${v} (Acme Ltd).`),
  s('IBAN', 'config', 'DE89370400440532013000', (v) => `{"iban": "${v}", "bic": "COBADEFFXXX"}`),
  s('IBAN', 'log', 'FR1420041010050500013M02606', (v) => `INFO payout: sent 120.00 EUR to ${v}`),
  s('IBAN', 'code', 'NL91 ABNA 0417 1643 00', (v) => `const payee = { iban: '${v}' };`),
];
