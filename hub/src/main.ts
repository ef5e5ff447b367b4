import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDevice, revokeDevice } from './devices';
import { migrate } from './migrate';
import { createHub } from './server';

const USAGE = `Clearway hub
  npm run hub -- [--database-url URL] [--port 8620] [--host 127.0.0.1]   serve (applies migrations first)
  npm run hub -- migrate [--database-url URL]                            apply migrations and exit
  npm run hub -- add-device <name> [--database-url URL]                  register a workstation, print its token
  npm run hub -- revoke-device <name> [--database-url URL]               refuse that workstation's token from now on
The database URL may also come from CLEARWAY_HUB_DATABASE_URL or DATABASE_URL.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      port: { type: 'string', default: process.env.CLEARWAY_HUB_PORT ?? '8620' },
      host: { type: 'string', default: process.env.CLEARWAY_HUB_HOST ?? '127.0.0.1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const databaseUrl = values['database-url'] ?? process.env.CLEARWAY_HUB_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error(`No database: pass --database-url postgres://user@host:5432/db or set CLEARWAY_HUB_DATABASE_URL.\n${USAGE}`);
  const [command, ...rest] = positionals;

  if (command === 'migrate' || command === 'add-device' || command === 'revoke-device') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      const applied = await migrate(pool);
      if (command === 'migrate') return void console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      const name = rest.join(' ').trim();
      if (!name) throw new Error(`${command} needs a device name.\n${USAGE}`);
      if (command === 'revoke-device') return void console.log((await revokeDevice(pool, name)) ? `revoked ${name}` : `no active device named ${name}`);
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
  const hub = await createHub({ databaseUrl, logger: { level: process.env.CLEARWAY_HUB_LOG_LEVEL ?? 'info' } });
  const stop = (): void => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await hub.app.listen({ port, host: values.host });
  console.log(`CLEARWAY_HUB_URL=${address}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
