import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** A real project folder in the OS temp dir, with helpers to write and list its files. */
export class TempProject {
  readonly root = mkdtempSync(join(tmpdir(), 'routecraft-changes-'));

  write(path: string, text: string): this {
    const target = join(this.root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  /** Every file and folder under the root (relative, forward slashes, sorted). */
  snapshot(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        const rel = relative(this.root, full).split('\\').join('/');
        out.push(statSync(full).isDirectory() ? `${rel}/` : `${rel}: ${readFileSync(full, 'utf8')}`);
        if (statSync(full).isDirectory()) {
          walk(full);
        }
      }
    };
    walk(this.root);
    return out.sort();
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
