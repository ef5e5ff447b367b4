/**
 * SLA time left for a declaration: the live countdown in the queue and the
 * detail pane. Under a day it reads H:MM:SS (ticking); beyond, "2d 04h".
 * Overdue time is shown with a minus sign and flagged so the cell can add an
 * icon and a word: colour alone never carries the meaning.
 */
export type SlaState = 'none' | 'ok' | 'soon' | 'overdue';

export interface SlaView {
  state: SlaState;
  /** e.g. "1:05:09", "−0:12:30", "2d 04h"; empty when there is no SLA. */
  text: string;
  /** Milliseconds left; negative when overdue; null without an SLA. */
  leftMs: number | null;
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
