import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { z } from 'zod';
import { appendBlob, blobProgress, DEFAULT_UPLOAD_TTL_MS, readBlob } from './blobs';
import { deviceForToken } from './devices';
import { HubError } from './hub-error';
import { migrate } from './migrate';
import { applyPush } from './push';
import { recordAuditHead, signingKey } from './receipts';
import {
  AuditHeadBody,
  BlobHeaders,
  PullQuery,
  PushBody,
  Sha256Hex,
  type PullResult,
  type WireChange,
} from '../../preload/contract/hub-wire';
import { syncEntitySchemas, type SyncEntitySchemas } from '../../preload/contract/sync-entities';

export interface HubOptions {
  databaseUrl: string;
  /** Largest JSON body (push batches), bytes. */
  jsonBodyLimit?: number;
  /** Largest blob chunk per request, bytes. */
  chunkLimit?: number;
  /** Largest blob, bytes. */
  maxBlobBytes?: number;
  logger?: boolean | { level: string };
  poolSize?: number;
  /** How long an upload nobody adds to is kept, ms (default a day). */
  uploadTtlMs?: number;
  /** What each synced entity may carry (default: Clearway's entities). */
  entities?: SyncEntitySchemas;
  /** Serve HTTPS with this PEM key and certificate; absent: plain HTTP (loopback, or behind a TLS-terminating proxy). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface Hub {
  app: FastifyInstance;
  pool: pg.Pool;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    device?: { id: string; name: string };
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new HubError(
    400,
    'invalid_request',
    `Invalid ${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * The hub's HTTP API. Stateless apart from PostgreSQL, so any number of
 * instances can serve one database behind a load balancer.
 */
export async function createHub(options: HubOptions): Promise<Hub> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  await migrate(pool);
  await signingKey(pool);
  const maxBlobBytes = options.maxBlobBytes ?? 512 * 1024 * 1024;
  const chunkLimit = options.chunkLimit ?? 8 * 1024 * 1024;

  const base = { logger: options.logger ?? false, bodyLimit: options.jsonBodyLimit ?? 8 * 1024 * 1024 };
  // The routes do not care which server carries them; Fastify types the HTTPS instance apart only by its raw server.
  const app = (options.tls
    ? Fastify({ ...base, https: { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' } })
    : Fastify(base)) as unknown as FastifyInstance;
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: chunkLimit }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof HubError)
      return reply.code(error.status).send({ error: { code: error.code, message: error.message, ...error.extra } });
    const status = error.statusCode ?? 500;
    if (status === 413)
      return reply
        .code(413)
        .send({ error: { code: 'too_large', message: `Request body exceeds the hub's limit: ${error.message}` } });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: { code: 'bad_request', message: error.message } });
    app.log.error(error);
    return reply.code(503).send({
      error: { code: 'unavailable', message: 'The hub could not complete the request; nothing was changed. Retry later.' },
    });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url}.` } }),
  );

  app.get('/healthz', async () => {
    await pool.query('SELECT 1');
    return { ok: true };
  });

  const authenticate = async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
    if (!match)
      throw new HubError(
        401,
        'unauthenticated',
        'Send the device token as "Authorization: Bearer <token>" (npm run hub -- add-device <name> prints one).',
      );
    const device = await deviceForToken(pool, match[1] ?? '');
    if (!device)
      throw new HubError(
        401,
        'unauthenticated',
        'The device token is unknown or revoked; ask the hub administrator for a new one.',
      );
    req.device = device;
  };
  const deviceOf = (req: FastifyRequest): string => (req.device as { id: string }).id;

  await app.register(async (v1) => {
    v1.addHook('onRequest', authenticate);

    v1.post('/v1/push', async (req) =>
      applyPush(pool, deviceOf(req), parse(PushBody, req.body, 'push body'), options.entities ?? syncEntitySchemas),
    );

    v1.get('/v1/pull', async (req): Promise<PullResult> => {
      const q = parse(PullQuery, req.query, 'pull query');
      const rows = await pool.query<{
        seq: string;
        client_id: string;
        mutation_id: string;
        base_seq: string;
        entity: string;
        entity_id: string;
        op: WireChange['op'];
        fields: WireChange['fields'];
        at: Date;
        actor_id: string | null;
      }>(
        `SELECT seq, client_id, mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id
         FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [q.cursor, q.limit],
      );
      const changes: WireChange[] = rows.rows.map((r) => ({
        seq: Number(r.seq),
        clientId: r.client_id,
        mutationId: Number(r.mutation_id),
        baseSeq: Number(r.base_seq),
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        fields: r.fields,
        at: r.at.toISOString(),
        actorId: r.actor_id,
      }));
      return { changes, cursor: changes.at(-1)?.seq ?? q.cursor, hasMore: changes.length === q.limit };
    });

    const shaParam = (req: FastifyRequest): string => parse(z.object({ sha256: Sha256Hex }), req.params, 'blob address').sha256;

    v1.head('/v1/blobs/:sha256', async (req, reply: FastifyReply) => {
      const progress = await blobProgress(pool, deviceOf(req), shaParam(req));
      return reply
        .code(progress ? 200 : 404)
        .header('upload-offset', String(progress?.offset ?? 0))
        .header('blob-complete', progress?.complete ? '1' : '0')
        .send();
    });

    v1.post('/v1/blobs/:sha256', async (req, reply) => {
      const sha256 = shaParam(req);
      const headers = parse(BlobHeaders, req.headers, 'blob upload headers (Upload-Offset, Upload-Length)');
      if (!Buffer.isBuffer(req.body))
        throw new HubError(415, 'unsupported_media_type', 'Blob chunks are sent as Content-Type: application/octet-stream.');
      const progress = await appendBlob(
        pool,
        deviceOf(req),
        sha256,
        headers['upload-offset'],
        headers['upload-length'],
        req.body,
        { maxBlobBytes, uploadTtlMs: options.uploadTtlMs ?? DEFAULT_UPLOAD_TTL_MS },
      );
      return reply.header('upload-offset', String(progress.offset)).send(progress);
    });

    v1.get('/v1/blobs/:sha256', async (req, reply) => {
      const sha256 = shaParam(req);
      const blob = await readBlob(pool, sha256);
      if (!blob) throw new HubError(404, 'blob_not_found', `The hub has no complete blob ${sha256}.`);
      return reply.type('application/octet-stream').header('content-length', String(blob.size)).send(blob.stream);
    });

    v1.post('/v1/audit-head', async (req) => recordAuditHead(pool, deviceOf(req), parse(AuditHeadBody, req.body, 'audit head')));

    v1.get('/v1/receipt-key', async () => {
      const key = await signingKey(pool);
      return { keyId: key.keyId, publicKeyPem: key.publicKeyPem };
    });
  });

  return {
    app,
    pool,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
