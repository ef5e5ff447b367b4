import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDevice, revokeDevice } from './devices';
import { migrate } from './migrate';
import { createHub } from './server';
import { isLoopbackHost } from '../../preload/contract/hub-url';
import type { SyncEntitySchemas } from '../../preload/contract/sync-entities';

const USAGE = `Clearway hub
  npm run hub -- [--database-url URL] [--port 8620] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE] [--insecure-http]
                                                                          serve (applies migrations first); HTTPS with the PEM files;
                                                                          plain HTTP off loopback only with --insecure-http
  npm run hub -- migrate [--database-url URL]                            apply migrations and exit
  npm run hub -- add-device <name> [--database-url URL]                  register a workstation, print its token
  npm run hub -- revoke-device <name> [--database-url URL]               refuse that workstation's token from now on
The database URL may also come from CLEARWAY_HUB_DATABASE_URL or DATABASE_URL; the TLS files from
CLEARWAY_HUB_TLS_CERT and CLEARWAY_HUB_TLS_KEY.`;

export const INSECURE_HTTP_WARNING =
  'WARNING: serving plain HTTP beyond loopback (--insecure-http): device tokens and case data cross the network unencrypted. Use only behind a TLS-terminating proxy on a trusted link.';

/**
 * Why the hub must not listen on `host` without TLS, or null. Workstations send
 * bearer tokens, so plain HTTP is for loopback (or a TLS-terminating proxy on
 * the same machine) unless the operator says otherwise with --insecure-http.
 */
export function plainHttpRefusal(host: string, tls: boolean, insecureHttp: boolean): string | null {
  if (tls || insecureHttp || isLoopbackHost(host)) return null;
  return `Refusing to serve plain HTTP on ${host}: workstations would send their device tokens unencrypted. Pass --tls-cert and --tls-key, listen on 127.0.0.1 behind a TLS-terminating proxy, or (only on a trusted link) add --insecure-http.`;
}

/** The hub's command line; `entities` replaces the synced entities' schemas (tests add their own). */
export async function runCli(argv: string[] = process.argv.slice(2), entities?: SyncEntitySchemas): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      port: { type: 'string', default: process.env.CLEARWAY_HUB_PORT ?? '8620' },
      host: { type: 'string', default: process.env.CLEARWAY_HUB_HOST ?? '127.0.0.1' },
      'tls-cert': { type: 'string', default: process.env.CLEARWAY_HUB_TLS_CERT },
      'tls-key': { type: 'string', default: process.env.CLEARWAY_HUB_TLS_KEY },
      'insecure-http': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const databaseUrl = values['database-url'] ?? process.env.CLEARWAY_HUB_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(`No database: pass --database-url postgres://user@host:5432/db or set CLEARWAY_HUB_DATABASE_URL.\n${USAGE}`);
  const [command, ...rest] = positionals;

  if (command === 'migrate' || command === 'add-device' || command === 'revoke-device') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      const applied = await migrate(pool);
      if (command === 'migrate')
        return void console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      const name = rest.join(' ').trim();
      if (!name) throw new Error(`${command} needs a device name.\n${USAGE}`);
      if (command === 'revoke-device')
        return void console.log((await revokeDevice(pool, name)) ? `revoked ${name}` : `no active device named ${name}`);
      const { token } = await addDevice(pool, name);
      console.log(`device ${name} added; its token (shown once, enter it in the workstation's sync settings):\n${token}`);
    } finally {
      await pool.end();
    }
    return;
  }
  if (command !== undefined) throw new Error(`Unknown command ${command}.\n${USAGE}`);

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const tls = readTls(values['tls-cert'], values['tls-key']);
  const refusal = plainHttpRefusal(values.host, tls !== undefined, values['insecure-http']);
  if (refusal) throw new Error(`${refusal}\n${USAGE}`);
  if (!tls && !isLoopbackHost(values.host)) console.warn(INSECURE_HTTP_WARNING);
  const hub = await createHub({
    databaseUrl,
    logger: { level: process.env.CLEARWAY_HUB_LOG_LEVEL ?? 'info' },
    tls,
    entities,
  });
  const stop = (): void => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await hub.app.listen({ port, host: values.host });
  console.log(`CLEARWAY_HUB_URL=${address}`);
}

/** Both PEM files or neither: half a TLS setup is a mistake to report, not to serve around. */
function readTls(certPath: string | undefined, keyPath: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath)
    throw new Error(`TLS needs both --tls-cert and --tls-key (got only ${certPath ? '--tls-cert' : '--tls-key'}).\n${USAGE}`);
  const read = (path: string, what: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`Cannot read the TLS ${what} ${path}: ${(error as Error).message}`);
    }
  };
  return { cert: read(certPath, 'certificate'), key: read(keyPath, 'key') };
}
