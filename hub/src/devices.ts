import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

/** Only this hash of a device token is stored; tokens are 256 random bits, so a fast hash is enough. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Registers a workstation and returns its bearer token (shown once, never stored). */
export async function addDevice(pool: pg.Pool, name: string): Promise<{ id: string; token: string }> {
  if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/.test(name))
    throw new Error(`device name ${JSON.stringify(name)} must be 1–100 letters, digits, spaces, _ . -`);
  const token = `cwd_${randomBytes(32).toString('base64url')}`;
  const row = await pool
    .query<{ id: string }>('INSERT INTO devices (name, token_hash) VALUES ($1, $2) RETURNING id', [name, hashToken(token)])
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505')
        throw new Error(`a device named ${name} already exists; pick another name or revoke it first`);
      throw error;
    });
  return { id: String(row.rows[0]?.id), token };
}

export async function revokeDevice(pool: pg.Pool, name: string): Promise<boolean> {
  const result = await pool.query('UPDATE devices SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name]);
  return (result.rowCount ?? 0) > 0;
}

/** The device a bearer token belongs to, or null (unknown or revoked). */
export async function deviceForToken(pool: pg.Pool, token: string): Promise<{ id: string; name: string } | null> {
  const row = await pool.query<{ id: string; name: string }>(
    'SELECT id, name FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const device = row.rows[0];
  return device ? { id: String(device.id), name: device.name } : null;
}
