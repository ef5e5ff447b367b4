/** The cases area: inspection cases, their findings, seizures, notes, tasks and links, the status workflow and the case report. */
import type { casesChannels } from '../../../preload/contract/channels/cases';
import type { Mode } from '../../../preload/contract/schemas/common';
import type { ApprovalService } from '../approvals/approval-service';
import type { Area } from '../area';
import type { AuditChain } from '../audit/audit-chain';
import { Accounts } from '../auth/accounts';
import { DEFAULT_SCRYPT_PARAMS } from '../auth/password-hash';
import type { Clock } from '../clock';
import type { Core } from '../core';
import { EvidenceStore } from '../evidence/evidence-store';
import { evidenceUploadBuffer } from '../evidence/evidence-uploads';
import { ReportService } from '../report/report-service';
import type { Store } from '../store/types';
import type { UploadBudget } from '../upload-budget';
import { CaseService } from './case-service';

export function createCasesArea(
  core: Pick<Core, 'dataDir' | 'store' | 'clock' | 'auditChain' | 'accounts' | 'me' | 'mode' | 'uploadBudget'>,
  deps: { approvals: ApprovalService },
): Area<typeof casesChannels> & ReturnType<typeof createCaseServices> {
  const services = createCaseServices({
    uploadBudget: core.uploadBudget,
    dataDir: core.dataDir,
    store: core.store,
    clock: core.clock,
    audit: core.auditChain,
    accounts: core.accounts,
    mode: core.mode,
    approvals: deps.approvals,
  });
  const { cases, reports } = services;
  const { me } = core;
  return {
    ...services,
    handlers: {
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
      'cw:cases.assignees': () => core.accounts.assignees(),
      'cw:cases.exportReport': ({ caseId }) => reports.exportCase(me(), caseId),
      'cw:cases.readReport': ({ fileName, offset }) => reports.read(fileName, offset),
    },
  };
}

/**
 * The cases area's services over the chained store: cases, the evidence store,
 * the upload buffer evidence arrives through, and case reports.
 */
export function createCaseServices(options: {
  dataDir: string;
  store: Store;
  clock: Clock;
  audit: AuditChain;
  /** Defaults to the accounts in the same store (cases only read them). */
  accounts?: Pick<Accounts, 'get'>;
  mode?: Mode;
  /** Four eyes for closing a case with a seizure. */
  approvals?: ApprovalService;
  /** Shared with declaration uploads; one of its own when absent. */
  uploadBudget?: UploadBudget;
}) {
  const evidenceStore = new EvidenceStore(options.dataDir);
  const uploads = evidenceUploadBuffer(() => options.clock.now().getTime(), options.uploadBudget);
  const cases = new CaseService({
    store: options.store,
    clock: options.clock,
    evidence: evidenceStore,
    uploads,
    accounts: options.accounts ?? new Accounts({ store: options.store, clock: options.clock, hashParams: DEFAULT_SCRYPT_PARAMS }),
    dataDir: options.dataDir,
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.approvals ? { approvals: options.approvals } : {}),
  });
  const reports = new ReportService({
    dataDir: options.dataDir,
    clock: options.clock,
    cases,
    evidence: evidenceStore,
    audit: options.audit,
  });
  return { cases, reports, evidenceStore, uploads };
}
