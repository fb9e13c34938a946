/**
 * A Fastify project shaped like fastify-modules-zod-mongo, for the aggregator and feature-module
 * tests: `src/app.ts` registers `routes` (src/modules/routes.ts) at `/api`, which registers the
 * `auth` and `user` feature plugins, each imported through the `@modules/*` alias.
 */
export const AGGREGATOR_PACKAGE = JSON.stringify({ dependencies: { fastify: '^5', zod: '^3' } });

/** A feature's routes plugin (`export const authRoutes = async (app) => …`). */
export const featurePlugin = (name: string): string =>
  `import type { FastifyInstance } from "fastify";\n\nexport const ${name}Routes = async (app: FastifyInstance) => {\n  app.get("/", async () => []);\n};\n`;

/** The app file, importing `routes` and running `registrations`. */
export const aggregatorApp = (registrations: string, extraImports = ''): string =>
  `import Fastify from "fastify";\nimport { routes } from "@modules/routes";\n${extraImports}\nconst app = Fastify();\n\n${registrations}\n\nexport default app;\n`;

export const AGGREGATOR = [
  'import type { FastifyInstance } from "fastify";',
  'import { userRoutes } from "@modules/user/user.routes";',
  'import { authRoutes } from "@modules/auth/auth.routes";',
  '',
  'export const routes = (app: FastifyInstance) => {',
  '  app.register(authRoutes, { prefix: "/auth" });',
  '  app.register(userRoutes, { prefix: "/user" });',
  '};',
  '',
].join('\n');

/** The whole project, with `overrides` replacing or adding files. */
export function aggregatorProject(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'package.json': AGGREGATOR_PACKAGE,
    'src/app.ts': aggregatorApp('app.register(routes, { prefix: "/api" });'),
    'src/modules/routes.ts': AGGREGATOR,
    'src/modules/auth/auth.routes.ts': featurePlugin('auth'),
    'src/modules/user/user.routes.ts': featurePlugin('user'),
    ...overrides,
  };
}
