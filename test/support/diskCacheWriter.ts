// A separate process that writes entries into a shared disk cache folder, for the test that two
// processes (two VS Code windows, or a window and a CLI run) share one cache.
//   node --import tsx test/support/diskCacheWriter.ts DIR MAX_BYTES PREFIX COUNT
import { DiskResponseCache } from '../../src/core/cache/diskResponseCache';
import { sha256Hex } from '../../src/core/util/sha256';

const [dir, maxBytes, prefix, count] = process.argv.slice(2);
if (dir === undefined || maxBytes === undefined || prefix === undefined || count === undefined) {
  throw new Error('usage: diskCacheWriter.ts DIR MAX_BYTES PREFIX COUNT');
}
async function main(folder: string): Promise<void> {
  const cache = new DiskResponseCache({ dir: folder, maxBytes: Number(maxBytes) });
  for (let n = 0; n < Number(count); n++) {
    await cache.set(sha256Hex(`${String(prefix)}-${n}`), { text: `${String(prefix)}-${n} ${'x'.repeat(200)}`, model: 'm', storedAt: 0 });
  }
  await cache.close();
  process.stdout.write(JSON.stringify(cache.stats()));
}

void main(dir);
