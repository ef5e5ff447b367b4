/** Cases: findings, seizures, notes, tasks, links, status workflow and the case report. */
import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  CaseDetail,
  CaseListInput,
  CaseReport,
  CaseSummary,
  FindingInput,
  LinkInput,
  NoteInput,
  OpenCaseInput,
  ReadReportInput,
  SeizureInput,
  SetStatusInput,
  TaskDoneInput,
  TaskInput,
  UpdateCaseInput,
} from '../schemas/cases';
import { FileChunk } from '../schemas/upload';
import { channel, none } from '../channel';

const byId = z.object({ id: Id });

export const casesChannels = {
  'cw:cases.list': channel({ input: CaseListInput, output: z.array(CaseSummary), access: 'cases.read' }),
  /** Opening a case re-verifies every evidence file's SHA-256. */
  'cw:cases.get': channel({ input: byId, output: CaseDetail, access: 'cases.read' }),
  /** Opens a case by hand or from a declaration, gate event or panorama marker (see CaseOrigin). */
  'cw:cases.open': channel({ input: OpenCaseInput, output: CaseDetail, access: 'cases.open' }),
  'cw:cases.update': channel({ input: UpdateCaseInput, output: CaseDetail, access: 'cases.work' }),
  /** open → under_inspection → pending_decision → closed; reopening a closed case needs a supervisor. */
  'cw:cases.setStatus': channel({ input: SetStatusInput, output: CaseDetail, access: 'cases.work' }),
  'cw:cases.addFinding': channel({ input: FindingInput, output: CaseDetail, access: 'cases.record' }),
  'cw:cases.addSeizure': channel({ input: SeizureInput, output: CaseDetail, access: 'cases.record' }),
  'cw:cases.addNote': channel({ input: NoteInput, output: CaseDetail, access: 'cases.work' }),
  'cw:cases.addTask': channel({ input: TaskInput, output: CaseDetail, access: 'cases.work' }),
  'cw:cases.setTaskDone': channel({ input: TaskDoneInput, output: CaseDetail, access: 'cases.work' }),
  'cw:cases.addLink': channel({ input: LinkInput, output: CaseDetail, access: 'cases.work' }),
  'cw:cases.assignees': channel({
    input: none,
    output: z.array(z.object({ id: Id, name: z.string(), role: z.string() })),
    access: 'cases.read',
  }),
  'cw:cases.exportReport': channel({ input: z.object({ caseId: Id }), output: CaseReport, access: 'cases.read' }),
  'cw:cases.readReport': channel({ input: ReadReportInput, output: FileChunk, access: 'cases.read' }),
} as const;
