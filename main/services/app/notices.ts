import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../preload/contract/schemas/app';
import type { Clock } from '../clock';
import type { SessionView } from '../handlers';

export type NoticeExtras = Pick<Notice, 'audience' | 'params'>;

export interface NoticeBoardOptions {
  clock: Clock;
  onNotice: (notice: Notice) => void;
}

/**
 * Things the officer must be told about (a recovered database, reset settings).
 * Kept in memory for this run: each start re-derives them from what it found.
 */
export class NoticeBoard {
  readonly #notices: Notice[] = [];

  private readonly clock: Clock;
  private readonly onNotice: (notice: Notice) => void;

  constructor(options: NoticeBoardOptions) {
    this.clock = options.clock;
    this.onNotice = options.onNotice;
  }

  post(level: Notice['level'], code: string, message: string, extras: NoticeExtras = {}): Notice {
    const notice: Notice = { id: randomUUID(), level, code, message, at: this.clock.now().toISOString(), ...extras };
    this.#notices.push(notice);
    this.onNotice(notice);
    return notice;
  }

  list(): Notice[] {
    return [...this.#notices];
  }

  /** Idempotent: dismissing an unknown or already dismissed notice is fine. */
  dismiss(id: string): void {
    const index = this.#notices.findIndex((notice) => notice.id === id);
    if (index >= 0) this.#notices.splice(index, 1);
  }
}

/** Whether the person at the workstation may see a notice: supervisors-only notices need an unlocked supervisor. */
export function noticeVisibleTo(notice: Notice, session: SessionView): boolean {
  if ((notice.audience ?? 'everyone') === 'everyone') return true;
  return session.user?.role === 'supervisor' && !session.locked;
}
