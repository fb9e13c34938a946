import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { silentLogger } from '../../../src/core/util/logger';
import { sha256Hex } from '../../../src/core/util/sha256';

const SRC = join(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('core/util', () => {
  it('sha256Hex: the FIPS 180-2 vectors, and text hashed as UTF-8', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('é'), createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex'));
  });

  it('silentLogger takes every level and keeps nothing', () => {
    assert.equal(silentLogger.info('x'), undefined);
    assert.equal(silentLogger.warn('x'), undefined);
    assert.equal(silentLogger.error('x'), undefined);
  });

  it('Logger and sha256 live only in core/util: no other definition, no import from their old homes', () => {
    const offenders = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const rel = relative(SRC, file);
      const found: string[] = [];
      if (!rel.startsWith(join('core', 'util')) && /\binterface Logger\b/.test(text)) {
        found.push(`${rel}: defines Logger`);
      }
      if (/from '[^']*cache\/sha256'/.test(text)) {
        found.push(`${rel}: imports cache/sha256`);
      }
      if (/import[^;]*\b(Logger|silentLogger)\b[^;]*from '[^']*llm\/types'/.test(text) || (rel.startsWith(join('core', 'llm')) && /import[^;]*\b(Logger|silentLogger)\b[^;]*from '\.\/types'/.test(text))) {
        found.push(`${rel}: imports Logger from llm/types`);
      }
      return found;
    });
    assert.deepEqual(offenders, []);
  });
});
