import type { casesChannels } from '../../../preload/channels/cases';
import type { User } from '../../../preload/schemas/auth';
import type { AuditChain } from '../audit/audit-chain';
import type { HandlersFor } from '../handlers';
import type { ReportService } from '../report/report-service';
import type { Store } from '../store/types';
import type { CaseService } from './case-service';

export interface CaseHandlerDeps {
  cases: CaseService;
  reports: ReportService;
  audit: AuditChain;
  store: Store;
  me: () => User;
}

export function caseHandlers({ cases, reports, audit, store, me }: CaseHandlerDeps): HandlersFor<typeof casesChannels> {
  return {
    'cw:cases.list': (input) => cases.list(input),
    'cw:cases.get': ({ id }) => cases.get(me(), id),
    'cw:cases.open': (input) => cases.open(me(), input),
    'cw:cases.update': (input) => cases.update(me(), input),
    'cw:cases.setStatus': (input) => cases.setStatus(me(), input),
    'cw:cases.addFinding': (input) => cases.addFinding(me(), input),
    'cw:cases.addSeizure': (input) => cases.addSeizure(me(), input),
    'cw:cases.addNote': (input) => cases.addNote(me(), input),
    'cw:cases.addTask': (input) => cases.addTask(me(), input),
    'cw:cases.setTaskDone': (input) => cases.setTaskDone(me(), input),
    'cw:cases.addLink': (input) => cases.addLink(me(), input),
    'cw:cases.assignees': async () =>
      (await store.query("SELECT id, display_name, role FROM users WHERE active = 1 AND role IN ('officer', 'inspector', 'supervisor') ORDER BY display_name")).map(
        (row) => ({ id: String(row.id), name: String(row.display_name), role: String(row.role) }),
      ),
    'cw:cases.exportReport': ({ caseId }) => reports.exportCase(me(), caseId),
    'cw:cases.readReport': ({ fileName, offset }) => reports.read(fileName, offset),
    'cw:evidence.uploadChunk': async ({ uploadId, index, base64 }) => cases.uploadChunk(me(), uploadId, index, base64),
    'cw:evidence.add': (input) => cases.addFile(me(), input),
    'cw:evidence.addSnapshot': (input) => cases.addSnapshot(me(), input),
    'cw:evidence.read': ({ caseId, evidenceId, offset, purpose }) => cases.read(me(), caseId, evidenceId, offset, purpose),
    'cw:evidence.transfer': (input) => cases.transfer(me(), input),
    'cw:audit.chainState': () => audit.state(),
    'cw:audit.verifyChain': () => audit.verify(),
  };
}
