import { testEntitySchemas } from '../../support/test-entities';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addDevice } from '../../../hub/src/devices';
import { receiptPayload } from '../../../hub/src/receipts';
import { createHub, type Hub } from '../../../hub/src/server';
import { startPostgres, type PostgresCluster } from '../../support/postgres';
import { describeWithPostgres } from '../../support/describe-with-postgres';

const mutation = (id: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  mutationId: id,
  baseSeq: 0,
  entity: 'probe',
  entityId: 'c1',
  op: 'upsert',
  fields: { status: `s${id}` },
  at: '2026-05-01T08:00:00.000Z',
  actorId: 'u1',
  ...over,
});

describeWithPostgres('hub API', () => {
  let cluster: PostgresCluster;
  let hub: Hub;
  let token = '';
  let otherToken = '';
  const clientId = 'client-0001';

  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}, auth = token) =>
    hub.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string' || Buffer.isBuffer(body)
          ? { payload: body }
          : { payload: body as object }),
    });
  /** Everything the hub holds that a request could change. */
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      await Promise.all(
        [
          'changes',
          'clients',
          'entity_fields',
          'entity_list_items',
          'conflicts',
          'blob_uploads',
          'blob_upload_chunks',
          'blob_chunks',
          'device_actors',
          'blobs',
          'audit_heads',
          'log_head',
        ].map(
          async (t) =>
            (
              await hub.pool.query(
                `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${t} x`,
              )
            ).rows[0],
        ),
      ),
    );

  beforeAll(async () => {
    cluster = await startPostgres({ fsync: false });
    hub = await createHub({
      databaseUrl: cluster.url,
      jsonBodyLimit: 64 * 1024,
      chunkLimit: 1024,
      maxBlobBytes: 4096,
      entities: testEntitySchemas,
    });
    token = (await addDevice(hub.pool, 'gate-1')).token;
    otherToken = (await addDevice(hub.pool, 'gate-2')).token;
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await cluster?.stop();
  });

  let before = '';
  beforeEach(async () => {
    before = await snapshot();
  });
  const unchanged = async (): Promise<void> => expect(await snapshot()).toBe(before);

  it('answers health checks without a token', async () => {
    const res = await call('GET', '/healthz', undefined, {}, '');
    expect([res.statusCode, res.json()]).toEqual([200, { ok: true }]);
  });

  it.each([
    ['POST', '/v1/push'],
    ['GET', '/v1/pull?cursor=0'],
    ['POST', '/v1/audit-head'],
    ['HEAD', `/v1/blobs/${'0'.repeat(64)}`],
    ['POST', `/v1/blobs/${'0'.repeat(64)}`],
    ['GET', '/v1/receipt-key'],
  ])('refuses %s %s without a valid token (401), changing nothing', async (method, url) => {
    for (const auth of ['', 'cwd_wrongwrongwrongwrong']) {
      const res = await call(method, url, method === 'POST' ? { clientId, mutations: [mutation(1)] } : undefined, {}, auth);
      expect(res.statusCode).toBe(401);
      if (method !== 'HEAD') expect(res.json().error.code).toBe('unauthenticated');
    }
    await unchanged();
  });

  it.each([
    ['not JSON', '{"clientId":', { 'content-type': 'application/json' }],
    ['no mutations', { clientId, mutations: [] }, {}],
    ['bad client id', { clientId: 'x', mutations: [mutation(1)] }, {}],
    ['gap inside the batch', { clientId, mutations: [mutation(1), mutation(3)] }, {}],
    ['bad op', { clientId, mutations: [mutation(1, { op: 'merge' })] }, {}],
    ['append of a non-list', { clientId, mutations: [mutation(1, { op: 'append', fields: { notes: 'x' } })] }, {}],
    ['bad time', { clientId, mutations: [mutation(1, { at: 'yesterday' })] }, {}],
    ['reserved field', { clientId, mutations: [mutation(1, { fields: { $deleted: true } })] }, {}],
  ])('refuses a malformed push (%s) with 400, changing nothing', async (_what, body, headers) => {
    const res = await call('POST', '/v1/push', body, headers as Record<string, string>);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/./);
    await unchanged();
  });

  it('refuses an oversized push with 413, changing nothing', async () => {
    const res = await call('POST', '/v1/push', {
      clientId,
      mutations: [mutation(1, { fields: { status: 'x'.repeat(70 * 1024) } })],
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
    await unchanged();
  });

  it('applies a push exactly once; duplicates are harmless; a gap is 409 with the expected id', async () => {
    const first = await call('POST', '/v1/push', { clientId, mutations: [mutation(1), mutation(2)] });
    expect(first.json()).toMatchObject({ appliedThrough: 2, applied: 2 });
    const again = await call('POST', '/v1/push', { clientId, mutations: [mutation(1), mutation(2), mutation(3)] });
    expect(again.json()).toMatchObject({ appliedThrough: 3, applied: 1 });
    const dup = await call('POST', '/v1/push', { clientId, mutations: [mutation(2)] });
    expect(dup.json()).toMatchObject({ appliedThrough: 3, applied: 0 });
    const mid = await snapshot();
    const gap = await call('POST', '/v1/push', { clientId, mutations: [mutation(6)] });
    expect([gap.statusCode, gap.json().error.code, gap.json().error.expectedMutationId]).toEqual([409, 'out_of_order', 4]);
    expect(await snapshot()).toBe(mid);
    const ids = await hub.pool.query('SELECT mutation_id FROM changes WHERE client_id = $1 ORDER BY seq', [clientId]);
    expect(ids.rows.map((r: { mutation_id: string }) => Number(r.mutation_id))).toEqual([1, 2, 3]);
  });

  it("refuses a push for another device's client id (403)", async () => {
    const res = await call('POST', '/v1/push', { clientId, mutations: [mutation(4)] }, {}, otherToken);
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'client_of_other_device']);
    await unchanged();
  });

  it('pages the log by cursor', async () => {
    await call(
      'POST',
      '/v1/push',
      { clientId: 'client-0002', mutations: [1, 2, 3, 4, 5].map((i) => mutation(i, { entityId: `p${i}`, actorId: 'u2' })) },
      {},
      otherToken,
    );
    const seen: number[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page++) {
      const res = (await call('GET', `/v1/pull?cursor=${cursor}&limit=3`)).json();
      seen.push(...res.changes.map((c: { seq: number }) => c.seq));
      cursor = res.cursor;
      if (!res.hasMore) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const tail = (await call('GET', `/v1/pull?cursor=${cursor}&limit=3`)).json();
    expect(tail).toEqual({ changes: [], cursor, hasMore: false });
    for (const bad of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=99999'])
      expect((await call('GET', `/v1/pull?${bad}`)).statusCode).toBe(400);
  });

  it('takes a blob in resumable chunks, checks its hash, and keeps it once', async () => {
    const data = Buffer.from('evidence photo bytes '.repeat(100)); // 2100 bytes: three 1 KiB-limited chunks
    const sha = createHash('sha256').update(data).digest('hex');
    const put = (offset: number, chunk: Buffer) =>
      call('POST', `/v1/blobs/${sha}`, chunk, {
        'content-type': 'application/octet-stream',
        'upload-offset': String(offset),
        'upload-length': String(data.length),
      });
    expect((await call('HEAD', `/v1/blobs/${sha}`)).statusCode).toBe(404);
    expect((await put(0, data.subarray(0, 1000))).json()).toEqual({ offset: 1000, complete: false });
    const head = await call('HEAD', `/v1/blobs/${sha}`);
    expect([head.headers['upload-offset'], head.headers['blob-complete']]).toEqual(['1000', '0']);
    const wrong = await put(500, data.subarray(500, 1500));
    expect([wrong.statusCode, wrong.json().error.expectedOffset]).toEqual([409, 1000]);
    expect((await put(1000, data.subarray(1000, 2000))).json()).toEqual({ offset: 2000, complete: false });
    expect((await put(2000, data.subarray(2000))).json()).toEqual({ offset: data.length, complete: true });
    expect((await put(0, data.subarray(0, 10))).json()).toEqual({ offset: data.length, complete: true }); // uploaded once
    const got = await call('GET', `/v1/blobs/${sha}`);
    expect(Buffer.compare(got.rawPayload, data)).toBe(0);
  });

  it('refuses blob uploads that are too big, mis-addressed or do not hash to their address', async () => {
    const sha = 'f'.repeat(64);
    const headers = (offset: number, length: number) => ({
      'content-type': 'application/octet-stream',
      'upload-offset': String(offset),
      'upload-length': String(length),
    });
    expect((await call('POST', `/v1/blobs/${sha}`, Buffer.alloc(10), headers(0, 5000))).statusCode).toBe(413); // over maxBlobBytes
    expect((await call('POST', `/v1/blobs/${sha}`, Buffer.alloc(2000), headers(0, 3000))).statusCode).toBe(413); // chunk over limit
    expect((await call('POST', '/v1/blobs/not-a-hash', Buffer.alloc(1), headers(0, 1))).statusCode).toBe(400);
    expect(
      (await call('POST', `/v1/blobs/${sha}`, Buffer.alloc(1), { 'content-type': 'application/octet-stream' })).statusCode,
    ).toBe(400);
    expect((await call('POST', `/v1/blobs/${sha}`, Buffer.alloc(5), headers(0, 3))).statusCode).toBe(400);
    await unchanged();
    const bad = await call('POST', `/v1/blobs/${sha}`, Buffer.from('abc'), headers(0, 3));
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'hash_mismatch']);
    await unchanged(); // the bad upload was discarded
  });

  it('keys uploads by device: a wrong-length upload blocks neither another device nor its own next try', async () => {
    const data = Buffer.from('container x-ray '.repeat(120)); // 1920 bytes: two chunks
    const sha = createHash('sha256').update(data).digest('hex');
    const put = (auth: string, offset: number, chunk: Buffer, length = data.length) =>
      call(
        'POST',
        `/v1/blobs/${sha}`,
        chunk,
        { 'content-type': 'application/octet-stream', 'upload-offset': String(offset), 'upload-length': String(length) },
        auth,
      );
    // gate-2 starts the upload claiming a wrong length and stops halfway.
    expect((await put(otherToken, 0, data.subarray(0, 900), 4000)).json()).toEqual({ offset: 900, complete: false });
    // gate-1 uploads the same content with the right length, untouched by gate-2's attempt.
    const head = await call('HEAD', `/v1/blobs/${sha}`);
    expect(head.statusCode).toBe(404);
    expect((await put(token, 0, data.subarray(0, 1000))).json()).toEqual({ offset: 1000, complete: false });
    // gate-1 re-reads the file and says another length: its upload starts afresh (from 0) instead of being stuck.
    const restart = await put(token, 1000, data.subarray(1000, 1500), 1500);
    expect([restart.statusCode, restart.json().error.expectedOffset]).toEqual([409, 0]);
    expect((await put(token, 0, data.subarray(0, 1000))).json()).toEqual({ offset: 1000, complete: false });
    expect((await put(token, 1000, data.subarray(1000))).json()).toEqual({ offset: data.length, complete: true });
    // Stored as chunk rows; every device's partial copy is gone; gate-2 now sees it complete.
    const chunks = await hub.pool.query(
      'SELECT "offset", length(data) AS n FROM blob_chunks WHERE sha256 = $1 ORDER BY "offset"',
      [sha],
    );
    expect(chunks.rows.map((r: { offset: string; n: number }) => [Number(r.offset), Number(r.n)])).toEqual([
      [0, 1000],
      [1000, 920],
    ]);
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM blob_uploads WHERE sha256 = $1', [sha])).rows[0].n).toBe(0);
    const seen = await call('HEAD', `/v1/blobs/${sha}`, undefined, {}, otherToken);
    expect([seen.headers['upload-offset'], seen.headers['blob-complete']]).toEqual([String(data.length), '1']);
    // Read back as a stream of its chunks, with its length.
    const got = await call('GET', `/v1/blobs/${sha}`, undefined, {}, otherToken);
    expect([got.statusCode, got.headers['content-length']]).toEqual([200, String(data.length)]);
    expect(Buffer.compare(got.rawPayload, data)).toBe(0);
  });

  it('drops an upload nobody added to before it expired', async () => {
    const data = Buffer.from('abandoned upload bytes');
    const sha = createHash('sha256').update(data).digest('hex');
    const headers = { 'content-type': 'application/octet-stream', 'upload-offset': '0', 'upload-length': String(data.length) };
    expect((await call('POST', `/v1/blobs/${sha}`, data.subarray(0, 5), headers)).json()).toEqual({ offset: 5, complete: false });
    await hub.pool.query("UPDATE blob_uploads SET expires_at = now() - interval '1 second' WHERE sha256 = $1", [sha]);
    expect((await call('HEAD', `/v1/blobs/${sha}`)).statusCode).toBe(404); // expired: nothing to resume
    // The next append of any upload clears expired ones, chunks included.
    const other = Buffer.from('x');
    await call('POST', `/v1/blobs/${createHash('sha256').update(other).digest('hex')}`, other, {
      ...headers,
      'upload-length': '1',
    });
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM blob_upload_chunks WHERE sha256 = $1', [sha])).rows[0].n).toBe(
      0,
    );
  });

  it('signs audit heads and refuses a different head for the same entry', async () => {
    const head = 'ab'.repeat(32);
    const res = await call('POST', '/v1/audit-head', { clientId, seq: 42, head, at: '2026-05-01T08:00:00.000Z' });
    expect(res.statusCode).toBe(200);
    const receipt = res.json();
    const { publicKeyPem, keyId } = (await call('GET', '/v1/receipt-key')).json();
    expect(receipt.keyId).toBe(keyId);
    expect(
      verify(null, Buffer.from(receiptPayload(receipt)), createPublicKey(publicKeyPem), Buffer.from(receipt.signature, 'base64')),
    ).toBe(true);
    const again = await call('POST', '/v1/audit-head', { clientId, seq: 42, head, at: '2026-05-01T09:00:00.000Z' });
    expect(again.json()).toEqual(receipt);
    const mid = await snapshot();
    const rewritten = await call('POST', '/v1/audit-head', {
      clientId,
      seq: 42,
      head: 'cd'.repeat(32),
      at: '2026-05-01T09:00:00.000Z',
    });
    expect([rewritten.statusCode, rewritten.json().error.code]).toEqual([409, 'audit_head_mismatch']);
    expect((await call('POST', '/v1/audit-head', { clientId, seq: -1, head, at: 'x' })).statusCode).toBe(400);
    expect(await snapshot()).toBe(mid);
  });
});
