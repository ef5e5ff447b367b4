import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../preload/contract/schemas/cases';
import { NEW_CASE, openCases, preselectCase } from '../../../renderer/features/evidence/caseTarget';

function summary(id: string, patch: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    ref: `C-20261208-${id.toUpperCase()}`,
    title: `Case ${id}`,
    status: 'open',
    subject: { kind: 'container', ref: 'MSCU4821907' },
    assignee: null,
    openedAt: '2026-12-08T08:00:00.000Z',
    updatedAt: '2026-12-08T08:00:00.000Z',
    evidenceCount: 0,
    ...patch,
  };
}

describe('openCases', () => {
  it('leaves out closed cases (they take no evidence) and puts the most recently worked on first', () => {
    const list = [
      summary('a', { updatedAt: '2026-12-08T09:00:00.000Z' }),
      summary('b', { updatedAt: '2026-12-08T11:00:00.000Z', status: 'under_inspection' }),
      summary('c', { updatedAt: '2026-12-08T12:00:00.000Z', status: 'closed' }),
      summary('d', { updatedAt: '2026-12-08T10:00:00.000Z', status: 'pending_decision' }),
    ];
    expect(openCases(list).map((c) => c.id)).toEqual(['b', 'd', 'a']);
  });
});

describe('preselectCase', () => {
  const truck = summary('truck', { subject: { kind: 'vehicle', ref: '粤B·12345' }, updatedAt: '2026-12-08T07:00:00.000Z' });
  const container = summary('box', { subject: { kind: 'container', ref: 'MSCU 4821907' } });
  const open = [container, truck];

  it('picks an open case about the same vehicle, whatever separators its plate was written with', () => {
    expect(preselectCase(open, { title: 't', subject: { kind: 'vehicle', ref: '粤b-12345' } }, null)).toBe('truck');
  });

  it('picks an open case about the same container or declaration, ignoring case and spaces', () => {
    expect(preselectCase(open, { title: 't', subject: { kind: 'container', ref: 'mscu4821907' } }, 'truck')).toBe('box');
  });

  it('does not match a reference of another kind', () => {
    expect(preselectCase(open, { title: 't', subject: { kind: 'person', ref: 'MSCU4821907' } }, null)).toBe(NEW_CASE);
  });

  it('otherwise offers the case evidence last went to, while it is still open', () => {
    expect(preselectCase(open, { title: 'camera' }, 'truck')).toBe('truck');
    expect(preselectCase([container], { title: 'camera' }, 'truck')).toBe(NEW_CASE);
  });

  it('otherwise proposes a new case', () => {
    expect(preselectCase(open, { title: 'camera' }, null)).toBe(NEW_CASE);
    expect(preselectCase([], { title: 't', subject: { kind: 'vehicle', ref: 'B12345' } }, null)).toBe(NEW_CASE);
  });
});
