/**
 * Which case a camera snapshot (or a case opened from another screen) goes to:
 * the open cases an officer can pick from, and the one picked before the officer
 * chooses, so the usual case is two clicks away (the button, then Add).
 */
import type { CaseOrigin, CaseSubject, CaseSummary, LinkInput } from '../../../preload/contract/schemas/cases';
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import type { z } from 'zod';

export type CaseLinkDraft = Omit<z.input<typeof LinkInput>, 'caseId'>;

/** What the screen offering "add to case" knows about what it shows: it prefills a new case and finds matching ones. */
export interface CaseContext {
  /** The new case's proposed title. */
  title: string;
  /** Where a new case comes from (manual when the screen names no record). */
  origin?: CaseOrigin;
  /** The new case's subject when the screen knows it (a gate event's plate, a declaration). */
  subject?: CaseSubject;
  /** Links a new case gets besides its origin's own (a gate event's declaration). */
  links?: CaseLinkDraft[];
}

export const NEW_CASE = 'new';
export type CaseChoice = typeof NEW_CASE | string;

/** Cases that can still take evidence (not closed), most recently worked on first. */
export function openCases(list: readonly CaseSummary[]): CaseSummary[] {
  return list.filter((c) => c.status !== 'closed').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** A subject reference in one comparable form (plates fold like the gate's, other references by case and spaces). */
function subjectKey(subject: CaseSubject): string {
  const ref = subject.kind === 'vehicle' ? normalisePlate(subject.ref) : subject.ref.trim().toUpperCase().replace(/\s+/g, '');
  return `${subject.kind}:${ref}`;
}

/**
 * The choice shown first: an open case about the same subject as the screen (the
 * truck's plate, the declaration), else the case this workstation last added
 * evidence to while it is still open (an officer photographs one inspection
 * several times in a row), else a new case.
 */
export function preselectCase(open: readonly CaseSummary[], context: CaseContext, lastCaseId: string | null): CaseChoice {
  if (context.subject) {
    const key = subjectKey(context.subject);
    const same = open.find((c) => subjectKey(c.subject) === key);
    if (same) return same.id;
  }
  if (lastCaseId && open.some((c) => c.id === lastCaseId)) return lastCaseId;
  return NEW_CASE;
}
