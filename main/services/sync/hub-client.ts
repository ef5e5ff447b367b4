import type { AuditReceipt, PullResult, PushResult, WireMutation } from '../../../preload/contract/hub-wire';
import {
  AuditReceipt as AuditReceiptSchema,
  PullResult as PullResultSchema,
  PushResult as PushResultSchema,
} from '../../../preload/contract/hub-wire';

export interface HubConnection {
  /** Base URL, e.g. https://hub.office.example:8620 */
  url: string;
  /** The device's bearer token. */
  token: string;
}

/** The hub answered with a refusal (4xx/5xx): `code` and `body` say why. */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HubHttpError';
  }
}

/** The hub could not be reached, or the answer was cut or unreadable: the workstation is offline for now. */
export class HubUnreachableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HubUnreachableError';
  }
}

export type FetchLike = typeof fetch;

/** A thin typed client of the hub's v1 API. Every answer is schema-checked. */
export class HubClient {
  constructor(
    private readonly connection: HubConnection,
    private readonly fetcher: FetchLike = fetch,
    private readonly timeoutMs = 20_000,
  ) {}

  push(clientId: string, mutations: WireMutation[]): Promise<PushResult> {
    return this.#json('POST', '/v1/push', { clientId, mutations }).then((body) => PushResultSchema.parse(body));
  }

  pull(cursor: number, limit: number): Promise<PullResult> {
    return this.#json('GET', `/v1/pull?cursor=${cursor}&limit=${limit}`).then((body) => PullResultSchema.parse(body));
  }

  sendAuditHead(clientId: string, seq: number, head: string, at: Date): Promise<AuditReceipt> {
    return this.#json('POST', '/v1/audit-head', { clientId, seq, head, at: at.toISOString() }).then((body) =>
      AuditReceiptSchema.parse(body),
    );
  }

  /** Bytes the hub holds of a blob, and whether it is complete. */
  async blobProgress(sha256: string): Promise<{ offset: number; complete: boolean }> {
    const response = await this.#send('HEAD', `/v1/blobs/${sha256}`);
    if (response.status === 404) return { offset: 0, complete: false };
    if (!response.ok) await this.#refusal(response);
    return {
      offset: Number(response.headers.get('upload-offset') ?? 0),
      complete: response.headers.get('blob-complete') === '1',
    };
  }

  async uploadChunk(
    sha256: string,
    offset: number,
    length: number,
    chunk: Uint8Array,
  ): Promise<{ offset: number; complete: boolean }> {
    const body = await this.#json('POST', `/v1/blobs/${sha256}`, chunk, {
      'upload-offset': String(offset),
      'upload-length': String(length),
    });
    return { offset: Number(body.offset), complete: body.complete === true };
  }

  async downloadBlob(sha256: string): Promise<Uint8Array> {
    const response = await this.#send('GET', `/v1/blobs/${sha256}`);
    if (!response.ok) await this.#refusal(response);
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new HubUnreachableError(`blob ${sha256} download was cut: ${(error as Error).message}`, { cause: error });
    }
  }

  async #send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(path, this.connection.url.endsWith('/') ? this.connection.url : `${this.connection.url}/`);
    const binary = body instanceof Uint8Array;
    try {
      return await this.fetcher(url, {
        method,
        headers: {
          authorization: `Bearer ${this.connection.token}`,
          ...(body === undefined ? {} : { 'content-type': binary ? 'application/octet-stream' : 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : binary ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
        // A redirect would carry the token elsewhere: the hub never redirects, so one is an error.
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new HubUnreachableError(`hub ${url.origin} unreachable (${method} ${url.pathname}): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async #json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await this.#send(method, path, body, headers);
    if (!response.ok) await this.#refusal(response);
    try {
      return (await response.json()) as Record<string, unknown>;
    } catch (error) {
      // A cut or garbled answer: the request may or may not have been applied; retrying is safe.
      throw new HubUnreachableError(`hub answer to ${method} ${path} was cut or unreadable: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async #refusal(response: Response): Promise<never> {
    let body: Record<string, unknown> = {};
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      // A proxy's or a cut error page: treat like a failed network round.
      throw new HubUnreachableError(`hub answered ${response.status} without a readable body`);
    }
    const error = (body.error ?? {}) as Record<string, unknown>;
    if (response.status >= 500) throw new HubUnreachableError(`hub answered ${response.status}: ${String(error.message ?? '')}`);
    throw new HubHttpError(
      response.status,
      String(error.code ?? 'error'),
      String(error.message ?? `hub answered ${response.status}`),
      error,
    );
  }
}
