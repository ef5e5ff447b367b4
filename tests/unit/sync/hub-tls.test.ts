import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { createServer as createTlsServer } from 'node:tls';
import { addDevice } from '../../../hub/src/devices';
import { createHub, type Hub } from '../../../hub/src/server';
import { HubClient, HubUnreachableError } from '../../../main/services/sync/hub-client';
import { hubTlsFetch, spkiPin } from '../../../main/services/sync/hub-tls-fetch';
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
    let key: Buffer;

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
      key = readFileSync(join(dir, 'hub.key'));
      hub = await createHub({ databaseUrl: cluster.url, tls: { cert, key } });
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

    it('a workstation reaches it with the office CA configured, or with the key pin, and not without either', async () => {
      const { token } = await addDevice(hub.pool, 'gate-tls');
      const url = `https://127.0.0.1:${port}`;
      const pull = (fetcher?: typeof fetch) => new HubClient({ url, token }, fetcher, 5000).pull(0, 10);
      const pin = spkiPin(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }));

      await expect(pull()).rejects.toBeInstanceOf(HubUnreachableError); // the system CAs do not know it
      expect(await pull(hubTlsFetch({ caCertificate: cert.toString(), pin: '' }))).toEqual({
        changes: [],
        cursor: 0,
        hasMore: false,
      });
      expect(await pull(hubTlsFetch({ caCertificate: '', pin }))).toEqual({ changes: [], cursor: 0, hasMore: false });
      const wrongPin = `sha256/${Buffer.alloc(32, 7).toString('base64')}`;
      await expect(pull(hubTlsFetch({ caCertificate: cert.toString(), pin: wrongPin }))).rejects.toThrow(
        /pinned.*nothing was sent/,
      );
    });

    it('with a wrong pin the token never reaches the server: not one byte after the handshake', async () => {
      let received = 0;
      const impostor = createTlsServer({ cert, key }, (socket) => socket.on('data', (d: Buffer) => (received += d.length)));
      await new Promise<void>((done) => impostor.listen(0, '127.0.0.1', done));
      const impostorPort = (impostor.address() as { port: number }).port;
      try {
        const client = new HubClient(
          { url: `https://127.0.0.1:${impostorPort}`, token: 'cwd_secret_token_that_must_stay_home' },
          hubTlsFetch({ caCertificate: '', pin: `sha256/${Buffer.alloc(32, 9).toString('base64')}` }),
          5000,
        );
        await expect(client.pull(0, 10)).rejects.toThrow(/pinned/);
        await new Promise((done) => setTimeout(done, 100));
        expect(received).toBe(0);
      } finally {
        await new Promise((done) => impostor.close(done));
      }
    });
  },
  opensslMissing,
);
