import { ServiceError } from './errors';

/** How many uploads may be under way at once, and how many bytes they may hold between them. */
export interface UploadLimits {
  /** Uploads one user may have open at once (a few files dropped together). */
  perUser: number;
  /** Uploads open at once on this workstation, all users and both kinds together. */
  total: number;
  /** Bytes all open uploads may hold in memory together. */
  totalBytes: number;
}

/**
 * Uploads are held in memory until their last chunk: without a budget, one user (or a
 * page holding the web host's cookie) could open uploads until the process runs out of
 * memory. Declaration imports and evidence share one budget, because they share the heap.
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { perUser: 4, total: 16, totalBytes: 512 * 1024 * 1024 };

interface Held {
  ownerId: string;
  bytes: number;
}

/** The budget itself: each open upload holds a place and its bytes until it is taken, dropped or expires. */
export class UploadBudget {
  readonly #held = new Map<string, Held>();

  constructor(readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {}

  /** Takes a place for a new upload (`key` unique across buffers); `what` names the file in the refusal. */
  open(key: string, ownerId: string, what: string): void {
    this.close(key);
    let mine = 0;
    for (const held of this.#held.values()) if (held.ownerId === ownerId) mine++;
    if (mine >= this.limits.perUser)
      throw new ServiceError(
        'UNAVAILABLE',
        `${what} was not started: you already have ${mine} uploads under way, the limit per user is ${this.limits.perUser}; wait for one to finish`,
      );
    if (this.#held.size >= this.limits.total)
      throw new ServiceError(
        'UNAVAILABLE',
        `${what} was not started: ${this.#held.size} uploads are under way on this workstation, the limit for all users is ${this.limits.total}; try again shortly`,
      );
    this.#held.set(key, { ownerId, bytes: 0 });
  }

  /** Counts more bytes of an open upload; refuses them when all uploads together would hold too much. */
  grow(key: string, bytes: number, what: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    const total = this.heldBytes + bytes;
    if (total > this.limits.totalBytes)
      throw new ServiceError(
        'UNAVAILABLE',
        `${what} was dropped: uploads under way would hold ${mib(total)} MiB, the limit for all uploads together is ${mib(this.limits.totalBytes)} MiB; send it again when others have finished`,
      );
    held.bytes += bytes;
  }

  /** Gives the place back (upload taken, dropped or expired). */
  close(key: string): void {
    this.#held.delete(key);
  }

  get uploads(): number {
    return this.#held.size;
  }

  get heldBytes(): number {
    let sum = 0;
    for (const held of this.#held.values()) sum += held.bytes;
    return sum;
  }
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
