import assert from 'node:assert/strict';
import { createLlm } from '../../../src/core/gateway/createLlm';
import { silentLogger } from '../../../src/core/util/logger';
import { chooseTables, LARGE_SCHEMA_TABLES, listingTokens } from '../../../src/core/sql/pickTablesByModel';
import { column, type SchemaModel, type SchemaTable } from '../../../src/core/sql/schema/schemaModel';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { settingsFor } from '../../support/llmTestKit';

function table(name: string, references: string[] = []): SchemaTable {
  return {
    name,
    columns: [column('id', 'integer', 'int', { primaryKey: true }), ...references.map((r) => column(`${r}_id`, 'integer', 'int')), column('created_at', 'timestamp', 'timestamptz'), column('label', 'text', 'text')],
    primaryKey: ['id'],
    foreignKeys: references.map((r) => ({ columns: [`${r}_id`], table: r, referencedColumns: ['id'] })),
    evidence: `schema.sql:${name}`,
  };
}

/** An ERP-like schema: `n` module tables all referencing `accounts`, plus orders → customers. */
function largeSchema(n: number): SchemaModel {
  const modules = Array.from({ length: n }, (_, i) => table(`module_${String(i).padStart(3, '0')}`, ['accounts']));
  return { source: 'sql-migrations', dialect: 'postgres', enums: [], files: ['schema.sql'], tables: [table('accounts'), table('customers'), table('orders', ['customers']), ...modules] };
}

const QUESTION = 'how many purchases did each buyer make last month';
const pick = (tables: string[]): string => JSON.stringify({ tables });

describe('sql: choosing the tables of a large schema (by name and relation, then one small model call)', function () {
  this.timeout(30_000);
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const client = (): ReturnType<typeof createLlm> => createLlm({ llm: settingsFor(server) }, silentLogger);

  it('a schema within the budget goes by name and relation, without asking the model', async () => {
    const schema = largeSchema(20);
    const choice = await chooseTables(client(), schema, 'list the orders of each customer');
    assert.equal(choice.how, 'names and relations');
    assert.deepEqual(choice.tables.map((t) => t.name), ['customers', 'orders']);
    assert.equal(server.requests.length, 0);
  });

  it(`over ${LARGE_SCHEMA_TABLES} tables with no name match: the model picks from the names list; only those (and what they reference) go into the prompt`, async () => {
    const schema = largeSchema(80);
    server.enqueue({ kind: 'text', text: pick(['orders']) });
    const choice = await chooseTables(client(), schema, QUESTION);
    assert.equal(choice.how, 'model');
    assert.deepEqual(choice.tables.map((t) => t.name), ['orders', 'customers']);
    assert.match(choice.note ?? '', /the schema has 83 tables: the model picked orders \(\+ 1 referenced table\(s\)\)/);
    assert.equal(server.requests.length, 1);
    const sent = JSON.stringify(server.requests[0]?.body);
    assert.match(sent, /module_079 \(→ accounts\)/, 'the names list, with relations');
    assert.doesNotMatch(sent, /created_at/, 'names only, not columns');
    assert.ok(listingTokens(schema, choice.tables) < listingTokens(schema, schema.tables) / 20);
  });

  const bad = [
    { name: 'an unknown table', text: pick(['orders', 'ghosts']), why: /unknown table\(s\): ghosts/ },
    { name: 'no JSON', text: 'I would use the orders table.', why: /./ },
    { name: 'an empty list', text: pick([]), why: /tables/ },
    { name: 'a server error', reply: { kind: 'status' as const, status: 500, body: { error: { message: 'boom' } } }, why: /./ },
  ];
  for (const b of bad) {
    it(`a bad answer (${b.name}) falls back to the choice by name and relation, and says so`, async () => {
      const schema = largeSchema(80);
      server.enqueue(b.reply ?? { kind: 'text', text: b.text ?? '' });
      const choice = await chooseTables(client(), schema, QUESTION);
      assert.equal(choice.how, 'whole schema');
      assert.equal(choice.tables.length, 83);
      assert.match(choice.note ?? '', /the model's table choice was not usable \(.+\); using the 83 table\(s\) chosen by name and relation/);
      assert.match(choice.note ?? '', b.why);
    });
  }
});
