import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A private PostgreSQL cluster for tests and benches: initdb in a temp folder,
 * listening on 127.0.0.1 only, on a free port. PostgreSQL refuses to run as
 * root, so when we are root (CI) every server command runs as the `postgres`
 * user through runuser, on a folder owned by that user.
 */
export interface PostgresCluster {
  /** postgres://… URL of the test database. */
  url: string;
  port: number;
  dir: string;
  /** A fresh, empty database on the same cluster. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or null with the reason. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return { missing: `${root} does not exist (install Debian's postgresql package)` };
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) return { missing: `no pg_ctl under ${root}/*/bin` };
  return { bin: join(root, versions[0] as string, 'bin') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgres(options: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const found = findPostgresBin();
  if ('missing' in found) throw new Error(`PostgreSQL server binaries not found: ${found.missing}.`);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'clearway-pg-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sock');
  mkdirSync(sockets);
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0)
      throw new Error('Running as root but there is no postgres user to run the server as (install postgresql).');
    const uid = Number(ids.stdout.trim());
    const gid = Number(gids.stdout.trim());
    chownSync(dir, uid, gid);
    chownSync(sockets, uid, gid);
  }
  chmodSync(dir, 0o700);
  const cmd = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(found.bin, program), ...args]] : [join(found.bin, program), args];

  await run(...cmd('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']));
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${sockets}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=60',
    '-c shared_buffers=64MB',
    ...(options.fsync === false ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  await run(...cmd('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']));

  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const createDatabase = async (name: string): Promise<string> => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be lowercase letters, digits and _`);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  const url = await createDatabase('clearway_hub');
  let stopped = false;
  return {
    url,
    port,
    dir,
    createDatabase,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(...cmd('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
