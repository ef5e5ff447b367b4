import type { SourceFailureReason } from './cameraSource';

/** Thrown by a source's connect step; `retryable: false` stops the watchdog until retry(). */
export class SourceFailure extends Error {
  override name = 'SourceFailure';

  constructor(
    readonly reason: SourceFailureReason,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Anything thrown while connecting, as a SourceFailure (unknown errors count as network trouble). */
export function asSourceFailure(error: unknown): SourceFailure {
  if (error instanceof SourceFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SourceFailure('network', message, true);
}
