import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../../../hub/src/server';
import { startPostgres, type PostgresCluster } from '../../support/postgres';
import { describeWithPostgres } from '../../support/describe-with-postgres';

/** The test makes its certificate with openssl; null when it is there. */
const opensslMissing = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'openssl is not installed';
  }
})();

function get(url: URL, ca?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'GET', ca, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.end();
  });
}

describeWithPostgres(
  'hub served over TLS',
  () => {
    let cluster: PostgresCluster;
    let hub: Hub;
    let dir = '';
    let cert: Buffer;
    let port = 0;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cw-hub-tls-'));
      // A self-signed certificate for 127.0.0.1, as an office CA would issue for the hub's name.
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=clearway-hub',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          join(dir, 'hub.key'),
          '-out',
          join(dir, 'hub.crt'),
        ],
        { stdio: 'ignore' },
      );
      cert = readFileSync(join(dir, 'hub.crt'));
      cluster = await startPostgres({ fsync: false });
      hub = await createHub({ databaseUrl: cluster.url, tls: { cert, key: readFileSync(join(dir, 'hub.key')) } });
      const address = await hub.app.listen({ port: 0, host: '127.0.0.1' });
      expect(address.startsWith('https://')).toBe(true);
      port = Number(new URL(address).port);
    }, 120_000);

    afterAll(async () => {
      await hub?.close();
      await cluster?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('answers HTTPS for a client that trusts its certificate, and refuses the rest', async () => {
      const ok = await get(new URL(`https://127.0.0.1:${port}/healthz`), cert);
      expect(ok).toEqual({ status: 200, body: JSON.stringify({ ok: true }) });
      const refused = await get(new URL(`https://127.0.0.1:${port}/v1/pull?cursor=0`), cert);
      expect(refused.status).toBe(401); // still needs a device token
      await expect(get(new URL(`https://127.0.0.1:${port}/healthz`))).rejects.toThrow(/self-signed|certificate/i); // not trusted
      await expect(get(new URL(`http://127.0.0.1:${port}/healthz`))).rejects.toThrow(); // no plain HTTP on the TLS port
    });
  },
  opensslMissing,
);
