/**
 * The service calls behind "add to case": open a case from another screen's
 * record (prefilled, linked), and take a saved camera snapshot into a case as
 * evidence (cw:evidence.addSnapshot re-hashes it and writes the intake custody entry).
 */
import type { CaseDetail, CaseSubject } from '../../../preload/contract/schemas/cases';
import type { EvidenceItem } from '../../../preload/contract/schemas/evidence';
import { clearway } from '../../app/clearway';
import { useSelection } from '../../app/selectionStore';
import { viewWindowFromHash } from '../port/openViewWindow';
import { useNav } from '../shell/navStore';
import type { CaseContext } from './caseTarget';

/** What the officer confirmed for a new case: the proposed title and subject, maybe edited. */
export interface NewCaseValues {
  title: string;
  subject: CaseSubject;
}

/** Opens a case from the screen's context: its origin links itself, the context's other links follow. */
export async function openCaseFrom(context: CaseContext, values: NewCaseValues): Promise<CaseDetail> {
  const api = clearway();
  let detail = await api.invoke('cw:cases.open', {
    origin: context.origin ?? { kind: 'manual' },
    title: values.title,
    subject: values.subject,
  });
  for (const link of context.links ?? []) {
    // The origin already linked its own record.
    if (detail.links.some((l) => l.kind === link.kind && l.ref === link.ref)) continue;
    detail = await api.invoke('cw:cases.addLink', { caseId: detail.id, ...link });
  }
  return detail;
}

/** Takes a saved snapshot into a case; returns the evidence item as recorded at intake. */
export function addSnapshotToCase(caseId: string, sha256: string): Promise<EvidenceItem> {
  return clearway().invoke('cw:evidence.addSnapshot', { caseId, sha256 });
}

/** Shows a case: the cases screen here, or (from a second window, which has no cases screen) the main window's selection. */
export function showCase(id: string): void {
  if (viewWindowFromHash(window.location.hash)) useSelection.getState().selectCase(id);
  else useNav.getState().openCase(id);
}
