import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { connect as tlsConnect, rootCertificates, type TLSSocket } from 'node:tls';
import type { FetchLike } from './hub-client';

export interface HubTrust {
  /** PEM of a private CA trusted for the hub (besides the system's); '' for none. */
  caCertificate: string;
  /** sha256/<base64 SHA-256 of the hub certificate's SubjectPublicKeyInfo>; '' for none. */
  pin: string;
}

/** The pin of a certificate as HubTrust.pin spells it. */
export function spkiPin(publicKeyDer: Buffer): string {
  return `sha256/${createHash('sha256').update(publicKeyDer).digest('base64')}`;
}

/**
 * A fetch for the hub that trusts a private CA and/or checks a key pin. The TLS
 * handshake is finished and checked before the HTTP request (with the device
 * token) is written, so a hub that fails the pin never sees the token. With a
 * pin the key is what is trusted (a self-signed hub certificate is fine, and
 * so is a name the certificate does not carry); with only a CA, the chain and
 * host name are checked as usual against that CA and the system's.
 */
export function hubTlsFetch(trust: HubTrust): FetchLike {
  return (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') return fetch(url, init);
    const socket = await connectChecked(url, trust, init.signal ?? undefined);
    return new Promise<Response>((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const body = init.body as Uint8Array | string | undefined | null;
      const req = httpRequest(
        {
          method: init.method ?? 'GET',
          host: url.hostname,
          port: url.port || 443,
          path: `${url.pathname}${url.search}`,
          headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
          createConnection: () => socket,
          signal: init.signal ?? undefined,
        },
        (res) => resolve(toResponse(res, init.method ?? 'GET')),
      );
      req.on('error', (error) => {
        socket.destroy();
        reject(error);
      });
      req.end(body ?? undefined);
    });
  }) as FetchLike;
}

function connectChecked(url: URL, trust: HubTrust, signal: AbortSignal | undefined): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      ca: trust.caCertificate ? [...rootCertificates, trust.caCertificate] : undefined,
      // With a pin, the pin is the check (below); without one, the usual chain and name checks.
      rejectUnauthorized: !trust.pin,
      minVersion: 'TLSv1.2',
    });
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    signal?.addEventListener('abort', () => fail(new Error('timed out')), { once: true });
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      if (trust.pin) {
        const peer = socket.getPeerX509Certificate();
        const found = peer ? spkiPin(peer.publicKey.export({ type: 'spki', format: 'der' })) : '(no certificate)';
        if (found !== trust.pin)
          return fail(
            new Error(`the hub at ${url.host} presented key ${found}, not the pinned ${trust.pin}; nothing was sent to it`),
          );
      }
      socket.removeListener('error', fail);
      resolve(socket);
    });
  });
}

function toResponse(res: IncomingMessage, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const status = res.statusCode ?? 502;
  const empty = method === 'HEAD' || status === 204 || status === 304;
  if (empty) res.resume();
  return new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers });
}
