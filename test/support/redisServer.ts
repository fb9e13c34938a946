import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the tests look for the server; `REDIS_SERVER` overrides it. */
export const REDIS_SERVER_PATH = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';

/**
 * A real, throw-away `redis-server` on a free port of 127.0.0.1: no persistence, its own temp
 * directory, killed by `stop()`. Fails loudly (rather than skipping) when the binary is missing.
 */
export class RedisTestServer {
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly dir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a server on a free port. */
  static async start(): Promise<RedisTestServer> {
    return RedisTestServer.startOn(await freePort());
  }

  /** Starts a server on `port` (e.g. one a cache already failed to reach). */
  static async startOn(port: number): Promise<RedisTestServer> {
    if (!existsSync(REDIS_SERVER_PATH)) {
      throw new Error(
        `redis-server not found at ${REDIS_SERVER_PATH}. The cache tests need a real Redis: install it ` +
          `(Debian/Ubuntu: sudo apt-get install redis-server; CI installs it) or set REDIS_SERVER to its path.`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'routecraft-redis-'));
    const child = spawn(REDIS_SERVER_PATH, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
    const server = new RedisTestServer(child, port, dir);
    try {
      await waitForPort(port, child, () => output);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Kills the server at once (SIGKILL), as a crash would. Idempotent. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  /** Kills the server and removes its directory. */
  async stop(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A port nobody listens on (bound, read, released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with code ${child.exitCode}: ${output()}`);
    }
    if (await canConnect(port)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not listen on port ${port} within 10 s: ${output()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
