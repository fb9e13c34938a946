import type { HttpTestDriver } from './httpTestDriver';

/**
 * The supertest half of a driver (Express and NestJS): sending a request to `target` (an app or an
 * HTTP server expression) and reading the response.
 */
export function supertestCalls(target: string): Pick<HttpTestDriver, 'send' | 'status' | 'body' | 'header'> {
  return {
    send: (req) => {
      let chain = `await request(${target}).${req.method.toLowerCase()}(${req.url})`;
      if (req.query !== undefined) {
        chain += `.query(${req.query})`;
      }
      if (req.body !== undefined) {
        chain += `.send(${req.body})`;
      }
      return [`const ${req.res} = ${chain};`];
    },
    status: (res) => `${res}.status`,
    body: (res) => `${res}.body`,
    header: (res, name) => `${res}.headers.${name}`,
  };
}
