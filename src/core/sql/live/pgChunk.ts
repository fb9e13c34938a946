// The entry point of dist/pg.js: the `pg` driver bundled on its own, required only when the user
// asked for EXPLAIN or introspection of a live database (see esbuild.mjs, pgModule.ts).
export { Client } from 'pg';
