import { randomUUID } from 'node:crypto';
import type { User } from '../../../preload/contract/schemas/auth';
import type { Shift } from '../../../preload/contract/schemas/shifts';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import { SerialQueue } from '../serial-queue';
import type { Row, Store } from '../store/types';

const SHIFT_SELECT = `
  SELECT s.id, s.user_id, u.display_name AS user_display_name, s.office, s.started_at, s.ended_at, s.start_notes, s.handover_notes
  FROM shifts s JOIN users u ON u.id = s.user_id`;

export interface ShiftsOptions {
  store: Store;
  clock: Clock;
}

/**
 * Clearance shifts: an officer starts one (acknowledging the previous handover),
 * works, and ends it with handover notes for whoever comes next at that office.
 */
export class Shifts {
  readonly #writes = new SerialQueue();

  private readonly store: Store;
  private readonly clock: Clock;

  constructor(options: ShiftsOptions) {
    this.store = options.store;
    this.clock = options.clock;
  }

  async current(userId: string): Promise<Shift | null> {
    const rows = await this.store.query(`${SHIFT_SELECT} WHERE s.user_id = ? AND s.ended_at IS NULL`, [userId]);
    return rows[0] ? toShift(rows[0]) : null;
  }

  /** The most recent ended shift at this office that left notes: what the incoming officer reads. */
  async lastHandover(office: string): Promise<Shift | null> {
    const rows = await this.store.query(
      `${SHIFT_SELECT} WHERE s.office = ? AND s.ended_at IS NOT NULL AND s.handover_notes <> ''
       ORDER BY s.ended_at DESC LIMIT 1`,
      [office],
    );
    return rows[0] ? toShift(rows[0]) : null;
  }

  /** Newest first, across every officer on this workstation (the shift log). */
  async list(limit: number): Promise<Shift[]> {
    const rows = await this.store.query(`${SHIFT_SELECT} ORDER BY s.started_at DESC, s.id LIMIT ?`, [limit]);
    return rows.map(toShift);
  }

  start(user: User, requestedOffice: string, startNotes: string | undefined): Promise<Shift> {
    const office = requestedOffice.trim();
    return this.#writes.run(async () => {
      if (await this.current(user.id)) throw new ServiceError('CONFLICT', 'You already have an open shift; end it first');
      const previous = await this.lastHandover(office);
      const at = this.clock.now();
      const shift: Shift = {
        id: randomUUID(),
        userId: user.id,
        userDisplayName: user.displayName,
        office,
        startedAt: at.toISOString(),
        endedAt: null,
        startNotes: startNotes?.trim() || null,
        handoverNotes: null,
      };
      await this.store.transaction([
        {
          sql: 'INSERT INTO shifts (id, user_id, office, started_at, ended_at, start_notes, handover_notes) VALUES (?, ?, ?, ?, NULL, ?, NULL)',
          params: [shift.id, shift.userId, shift.office, shift.startedAt, shift.startNotes],
        },
        auditStatement({
          at,
          actor: actorOf(user),
          action: 'shift.start',
          subject: shift.id,
          // Which handover the officer acknowledged by starting.
          detail: { office: shift.office, acknowledgedHandover: previous?.id ?? null, notes: shift.startNotes },
        }),
      ]);
      return shift;
    });
  }

  end(user: User, handoverNotes: string): Promise<Shift> {
    return this.#writes.run(async () => {
      const notes = handoverNotes.trim();
      if (!notes)
        throw new ServiceError('INVALID_ARGUMENT', 'Handover notes are required', [
          { path: 'handoverNotes', message: 'Required' },
        ]);
      const open = await this.current(user.id);
      if (!open) throw new ServiceError('FAILED_PRECONDITION', 'You have no open shift');
      const at = this.clock.now();
      await this.store.transaction([
        {
          sql: 'UPDATE shifts SET ended_at = ?, handover_notes = ? WHERE id = ? AND ended_at IS NULL',
          params: [at.toISOString(), notes, open.id],
        },
        auditStatement({
          at,
          actor: actorOf(user),
          action: 'shift.end',
          subject: open.id,
          detail: { office: open.office, handoverNotes: notes },
        }),
      ]);
      return { ...open, endedAt: at.toISOString(), handoverNotes: notes };
    });
  }
}

function toShift(row: Row): Shift {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    userDisplayName: String(row.user_display_name),
    office: String(row.office),
    startedAt: String(row.started_at),
    endedAt: row.ended_at === null ? null : String(row.ended_at),
    startNotes: row.start_notes === null ? null : String(row.start_notes),
    handoverNotes: row.handover_notes === null ? null : String(row.handover_notes),
  };
}
