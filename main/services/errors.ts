import type { ErrorCode, ErrorShape } from '../../preload/contract';

/**
 * A failure a service means to report to the caller. Hosts turn it into the
 * contract's error envelope; any other thrown value becomes INTERNAL and is logged.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorShape['issues'],
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toShape(): ErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** UNAVAILABLE because of the sign-in throttle: carries how long to wait, so the screen can say it in the officer's language. */
export class ThrottledError extends ServiceError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('UNAVAILABLE', message);
    this.name = 'ThrottledError';
  }

  override toShape(): ErrorShape {
    return { ...super.toShape(), retryAfterSeconds: this.retryAfterSeconds };
  }
}
