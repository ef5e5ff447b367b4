import type { AuditChain } from '../audit/audit-chain';
import type { Clock } from '../clock';
import { EvidenceStore } from '../evidence/evidence-store';
import { UploadBuffer } from '../evidence/upload-buffer';
import { ReportService } from '../report/report-service';
import type { Store } from '../store/types';
import { CaseService } from './case-service';

/** The cases area's services over the chained store: cases, the evidence store and case reports. */
export function createCaseServices(options: { dataDir: string; store: Store; clock: Clock; audit: AuditChain; uploads?: UploadBuffer }) {
  const evidenceStore = new EvidenceStore(options.dataDir);
  const cases = new CaseService({
    store: options.store,
    clock: options.clock,
    evidence: evidenceStore,
    uploads: options.uploads ?? new UploadBuffer(() => options.clock.now().getTime()),
    dataDir: options.dataDir,
  });
  const reports = new ReportService({ dataDir: options.dataDir, clock: options.clock, cases, evidence: evidenceStore, audit: options.audit });
  return { cases, reports };
}
