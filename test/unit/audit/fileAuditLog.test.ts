import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../../../src/core/audit/auditEntry';
import { buildAuditEntry } from '../../../src/core/audit/buildAuditEntry';
import { FileAuditLog } from '../../../src/core/audit/fileAuditLog';
import { okCall } from './auditFixtures';

describe('FileAuditLog', () => {
  let dir: string;
  let entry: AuditEntry;
  const numbered = (n: number): AuditEntry => ({ ...entry, requestId: `req_${n}` });

  before(async () => {
    entry = await buildAuditEntry(okCall());
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'routecraft-audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per entry, creating directories', async () => {
    const log = new FileAuditLog({ path: join(dir, 'nested', 'audit', 'audit.jsonl') });
    await log.append(numbered(1));
    await log.append(numbered(2));
    const lines = (await readFile(log.path, 'utf8')).split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(JSON.parse(lines[0]!), numbered(1));
    assert.deepEqual(await log.readEntries(), [numbered(1), numbered(2)]);
  });

  it('serializes concurrent appends: no lost or torn lines, in call order', async () => {
    const log = new FileAuditLog({ path: join(dir, 'audit.jsonl'), maxBytes: 4096, keep: 100 });
    await Promise.all(Array.from({ length: 200 }, (_, n) => log.append(numbered(n))));
    const read = await log.readEntries();
    assert.deepEqual(read.map((e) => e.requestId), Array.from({ length: 200 }, (_, n) => `req_${n}`));
  });

  it('rotates by size and keeps N rotated files', async () => {
    const lineBytes = Buffer.byteLength(`${JSON.stringify(numbered(10))}\n`);
    const log = new FileAuditLog({ path: join(dir, 'audit.jsonl'), maxBytes: lineBytes * 2, keep: 2 });
    for (let n = 10; n < 17; n++) {
      await log.append(numbered(n));
    }
    assert.deepEqual((await readdir(dir)).sort(), ['audit.1.jsonl', 'audit.2.jsonl', 'audit.jsonl']);
    const ids = async (file: string) => (await readFile(join(dir, file), 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as AuditEntry).requestId);
    assert.deepEqual(await ids('audit.jsonl'), ['req_16']);
    assert.deepEqual(await ids('audit.1.jsonl'), ['req_14', 'req_15']);
    assert.deepEqual(await ids('audit.2.jsonl'), ['req_12', 'req_13']);
    assert.deepEqual((await log.readEntries()).map((e) => e.requestId), ['req_12', 'req_13', 'req_14', 'req_15', 'req_16']);
    assert.deepEqual((await log.readEntries(2)).map((e) => e.requestId), ['req_15', 'req_16']);
  });

  it('skips torn or foreign lines when reading', async () => {
    const path = join(dir, 'audit.jsonl');
    await writeFile(path, `${JSON.stringify(numbered(1))}\n{"v":1,"time":"x"}\nnot json\n`);
    await appendFile(path, JSON.stringify(numbered(2)).slice(0, 40));
    const log = new FileAuditLog({ path });
    assert.deepEqual(await log.readEntries(), [numbered(1)]);
  });

  it('drops an entry of the wrong shape instead of writing it', async () => {
    const warnings: string[] = [];
    const log = new FileAuditLog({ path: join(dir, 'audit.jsonl'), logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined } });
    await log.append({ ...entry, tokensIn: -1 });
    assert.deepEqual(await log.readEntries(), []);
    assert.match(warnings[0] ?? '', /dropped an entry of the wrong shape \(tokensIn\)/);
  });

  it('never throws when the file cannot be written; logs instead', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const warnings: string[] = [];
    const log = new FileAuditLog({ path: join(dir, 'blocker', 'audit.jsonl'), logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined } });
    await log.append(entry);
    assert.match(warnings[0] ?? '', /Audit log: could not write/);
  });

  it('reads an empty list when nothing was written yet', async () => {
    assert.deepEqual(await new FileAuditLog({ path: join(dir, 'audit.jsonl') }).readEntries(5), []);
  });
});
