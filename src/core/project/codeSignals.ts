import type { FrameworkName } from './projectFacts';

/** Code that creates the app or server, per framework (a cheap text scan, no type-check). */
export const APP_CREATION: Readonly<Record<FrameworkName, RegExp>> = {
  express: /\bexpress\s*\(\s*\)/,
  fastify: /(?<![.\w])[Ff]astify\s*\(/,
  hono: /\bnew\s+(?:Hono|OpenAPIHono)\s*[<(]/,
  nestjs: /\bNestFactory\.create\s*[<(]/,
};

/** Code that registers routers, plugins or modules on an app. */
export const REGISTRATION: Readonly<Record<FrameworkName, RegExp>> = {
  express: /\.use\s*\(/g,
  fastify: /\.register\s*\(/g,
  hono: /\.route\s*\(/g,
  nestjs: /\bimports\s*:/g,
};

/** Code that defines routes. */
export const ROUTE_DEFINITION: Readonly<Record<FrameworkName, RegExp>> = {
  express: /\b(?:express\.)?Router\s*\(\s*\)|\b(?:app|router|\w+Router)\.(?:get|post|put|patch|delete|route)\s*\(/,
  fastify: /\bFastifyPlugin(?:Async|Callback)\b|\b(?:fastify|app|server|instance)\.(?:get|post|put|patch|delete|route)\s*[(<]/,
  hono: /\bnew\s+(?:Hono|OpenAPIHono)\b[\s\S]*\bexport\b|\bexport\b[\s\S]*\bnew\s+(?:Hono|OpenAPIHono)\b|\bcreateRoute\s*\(/,
  nestjs: /@Controller\s*\(/,
};

/** How often a global pattern occurs. */
export function countMatches(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].length;
}
