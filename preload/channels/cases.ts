/** Cases, their evidence and chain of custody, the case report, and the audit chain's state. */
import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  AddEvidenceInput,
  AddSnapshotInput,
  AuditChainState,
  CaseDetail,
  CaseListInput,
  CaseReport,
  CaseSummary,
  EvidenceItem,
  FileChunk,
  FindingInput,
  LinkInput,
  NoteInput,
  OpenCaseInput,
  ReadEvidenceInput,
  ReadReportInput,
  SeizureInput,
  SetStatusInput,
  TaskDoneInput,
  TaskInput,
  TransferInput,
  UpdateCaseInput,
} from '../schemas/cases';
import { UploadChunkInput, UploadChunkOutput } from '../schemas/upload';
import { channel, none } from '../channel';

const byId = z.object({ id: Id });

export const casesChannels = {
  'cw:cases.list': channel({ input: CaseListInput, output: z.array(CaseSummary), access: 'session' }),
  /** Opening a case re-verifies every evidence file's SHA-256. */
  'cw:cases.get': channel({ input: byId, output: CaseDetail, access: 'session' }),
  /** Opens a case by hand or from a declaration, gate event or panorama marker (see CaseOrigin). */
  'cw:cases.open': channel({ input: OpenCaseInput, output: CaseDetail, access: 'session' }),
  'cw:cases.update': channel({ input: UpdateCaseInput, output: CaseDetail, access: 'session' }),
  /** open → under_inspection → pending_decision → closed; reopening a closed case needs a supervisor. */
  'cw:cases.setStatus': channel({ input: SetStatusInput, output: CaseDetail, access: 'session' }),
  'cw:cases.addFinding': channel({ input: FindingInput, output: CaseDetail, access: 'session' }),
  'cw:cases.addSeizure': channel({ input: SeizureInput, output: CaseDetail, access: 'session' }),
  'cw:cases.addNote': channel({ input: NoteInput, output: CaseDetail, access: 'session' }),
  'cw:cases.addTask': channel({ input: TaskInput, output: CaseDetail, access: 'session' }),
  'cw:cases.setTaskDone': channel({ input: TaskDoneInput, output: CaseDetail, access: 'session' }),
  'cw:cases.addLink': channel({ input: LinkInput, output: CaseDetail, access: 'session' }),
  'cw:cases.assignees': channel({ input: none, output: z.array(z.object({ id: Id, name: z.string(), role: z.string() })), access: 'session' }),
  'cw:cases.exportReport': channel({ input: z.object({ caseId: Id }), output: CaseReport, access: 'session' }),
  'cw:cases.readReport': channel({ input: ReadReportInput, output: FileChunk, access: 'session' }),

  /** One chunk of a file or camera snapshot too large for one message; then cw:evidence.add or cw:evidence.saveSnapshot with its uploadId. */
  'cw:evidence.uploadChunk': channel({ input: UploadChunkInput, output: UploadChunkOutput, access: 'session' }),
  'cw:evidence.add': channel({ input: AddEvidenceInput, output: EvidenceItem, access: 'session' }),
  /** Adds a camera snapshot saved by the port view (cw:evidence.saveSnapshot) to a case. */
  'cw:evidence.addSnapshot': channel({ input: AddSnapshotInput, output: EvidenceItem, access: 'session' }),
  'cw:evidence.read': channel({ input: ReadEvidenceInput, output: FileChunk, access: 'session' }),
  'cw:evidence.transfer': channel({ input: TransferInput, output: CaseDetail, access: 'session' }),

  'cw:audit.chainState': channel({ input: none, output: AuditChainState, access: 'session' }),
  'cw:audit.verifyChain': channel({ input: none, output: AuditChainState, access: 'session' }),
} as const;
