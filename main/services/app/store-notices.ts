import type { OpenEvent } from '../store/types';
import type { NoticeBoard } from './notices';

/** Tells the officer what the store had to repair while opening (nothing is silent). */
export function postStoreRecoveryNotices(events: readonly OpenEvent[], notices: NoticeBoard): void {
  for (const event of events) {
    if (event.kind === 'snapshot-corrupt') {
      const source = event.recoveredFrom === 'previous-snapshot' ? 'the previous snapshot and the journal' : 'the journal alone';
      notices.post(
        'warning',
        'store.snapshotCorrupt',
        `The saved database was damaged and has been set aside (${event.movedTo}). Clearway recovered from ${source}; check your most recent work and export diagnostics for support.`,
      );
    } else if (event.kind === 'torn-tail-discarded') {
      notices.post(
        'info',
        'store.tornTailDiscarded',
        `The last write before Clearway stopped was incomplete (${event.bytes} bytes) and was discarded. It had never been confirmed, so no confirmed work was lost.`,
      );
    }
  }
}
