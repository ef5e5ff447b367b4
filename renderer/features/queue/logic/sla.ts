/**
 * SLA time left for a declaration: the live countdown in the queue and the
 * detail pane. Under a day it reads H:MM:SS (ticking); beyond, "2d 04h".
 * Overdue time is shown with a minus sign and flagged so the cell can add an
 * icon and a word: colour alone never carries the meaning.
 */
export type SlaState = 'none' | 'ok' | 'soon' | 'overdue' | 'taken' | 'cancelled';

export interface SlaView {
  state: SlaState;
  /** e.g. "1:05:09", "−0:12:30", "2d 04h"; empty when there is no SLA. */
  text: string;
  /** Milliseconds left; negative when overdue; null without an SLA or once decided. */
  leftMs: number | null;
  /** For 'taken': whether the release came after the SLA was due. */
  late?: boolean;
}

/** Under this much time left a declaration counts as due soon. */
export const SLA_SOON_MS = 30 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const sign = ms < 0 && total > 0 ? '−' : '';
  if (days > 0) return `${sign}${days}d ${pad(hours)}h`;
  return `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`;
}

export function slaView(dueAt: string | null | undefined, now: number): SlaView {
  if (!dueAt) return { state: 'none', text: '', leftMs: null };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { state: 'none', text: '', leftMs: null };
  const leftMs = due - now;
  const state: SlaState = leftMs < 0 ? 'overdue' : leftMs <= SLA_SOON_MS ? 'soon' : 'ok';
  return { state, text: formatDuration(leftMs), leftMs };
}

/** What the SLA column shows for a queue row: the clock stops at release (time taken) and means nothing once cancelled. */
export function rowSlaView(
  row: { slaDueAt: string; status: string; releasedAt: string | null; arrivalTime: string | null; lodgementTime: string },
  now: number,
): SlaView {
  if (row.status === 'cancelled') return { state: 'cancelled', text: '', leftMs: null };
  if (row.releasedAt) {
    const released = Date.parse(row.releasedAt);
    // The clock starts where main/services/queue/sla.ts starts it: arrival, or lodgement when lodged after arrival.
    const lodged = Date.parse(row.lodgementTime);
    const arrived = row.arrivalTime ? Date.parse(row.arrivalTime) : Number.NaN;
    const start = Number.isNaN(arrived) ? lodged : Math.max(arrived, lodged);
    return {
      state: 'taken',
      text: formatDuration(Math.max(0, released - start)),
      leftMs: null,
      late: released > Date.parse(row.slaDueAt),
    };
  }
  return slaView(row.slaDueAt, now);
}
