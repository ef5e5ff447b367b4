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
