import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type pg from 'pg';
import { canonicalJson } from '../../preload/contract/canonical-json';
import { firstRow, HubError } from './hub-error';
import type { AuditReceipt } from '../../preload/contract/hub-wire';

interface SigningKey {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The hub's Ed25519 receipt key, created once and shared through PostgreSQL by every instance. */
export async function signingKey(pool: pg.Pool): Promise<SigningKey> {
  const existing = await pool.query<{ key_id: string; private_key_pem: string; public_key_pem: string }>(
    'SELECT key_id, private_key_pem, public_key_pem FROM signing_keys ORDER BY created_at, key_id LIMIT 1',
  );
  if (existing.rows[0]) {
    const r = existing.rows[0];
    return { keyId: r.key_id, privateKeyPem: r.private_key_pem, publicKeyPem: r.public_key_pem };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyId = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }).subarray(-8).toString('hex');
  await pool.query(
    'INSERT INTO signing_keys (key_id, private_key_pem, public_key_pem) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [keyId, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem],
  );
  return signingKey(pool); // another instance may have won the race: everyone uses the oldest key
}

/** What the signature covers: every receipt field but the signature, as canonical JSON. */
export function receiptPayload(r: Omit<AuditReceipt, 'signature'>): string {
  return canonicalJson({ clientId: r.clientId, seq: r.seq, head: r.head, receivedAt: r.receivedAt, keyId: r.keyId });
}

/**
 * Records a workstation's audit chain head and returns the signed receipt.
 * The same (client, seq) sent again with the same head returns the same
 * receipt; with a different head it is refused: that is a rewritten history.
 */
export async function recordAuditHead(
  pool: pg.Pool,
  deviceId: string,
  body: { clientId: string; seq: number; head: string },
): Promise<AuditReceipt> {
  const key = await signingKey(pool);
  const owner = await pool.query<{ device_id: string }>('SELECT device_id FROM clients WHERE client_id = $1', [body.clientId]);
  if (owner.rows[0] && String(owner.rows[0].device_id) !== deviceId)
    throw new HubError(403, 'client_of_other_device', `Client ${body.clientId} belongs to another device.`);
  await pool.query('INSERT INTO clients (client_id, device_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [
    body.clientId,
    deviceId,
  ]);
  const receivedAt = new Date().toISOString();
  const unsigned = { clientId: body.clientId, seq: body.seq, head: body.head, receivedAt, keyId: key.keyId };
  const signature = sign(null, Buffer.from(receiptPayload(unsigned)), createPrivateKey(key.privateKeyPem)).toString('base64');
  await pool.query(
    `INSERT INTO audit_heads (client_id, device_id, seq, head, received_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (client_id, seq) DO NOTHING`,
    [body.clientId, deviceId, body.seq, body.head, receivedAt, key.keyId, signature],
  );
  const stored = firstRow(
    (
      await pool.query<{ head: string; received_at: Date; key_id: string; signature: string }>(
        'SELECT head, received_at, key_id, signature FROM audit_heads WHERE client_id = $1 AND seq = $2',
        [body.clientId, body.seq],
      )
    ).rows,
    'audit head',
  );
  if (stored.head !== body.head)
    throw new HubError(
      409,
      'audit_head_mismatch',
      `The hub already holds a different audit head for entry ${body.seq} of client ${body.clientId}: local history was rewritten.`,
      {
        recordedHead: stored.head,
      },
    );
  return {
    clientId: body.clientId,
    seq: body.seq,
    head: stored.head,
    receivedAt: stored.received_at.toISOString(),
    keyId: stored.key_id,
    signature: stored.signature,
  };
}
