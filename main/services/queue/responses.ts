/**
 * Builds the two responses a decision produces (CUSRES and WCO DM response XML),
 * the statements that record them, and writes them to the outbox once the
 * decision has committed. The database is the record; the outbox is delivery,
 * so a failed file write is reported, not rolled back.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Decision, ResponseMessage } from '../../../preload/contract/schemas/queue';
import type { Row, Statement, Store } from '../store/types';
import { writeCusres, type ResponseFacts } from './cusres-writer';
import { fileStamp, safeFilePart } from './data-dir';
import { writeWcoResponse } from './wco-response-writer';

export interface PreparedResponses {
  messages: ResponseMessage[];
  statements: Statement[];
}

export function prepareResponses(facts: Omit<ResponseFacts, 'responseId'>, at: Date): PreparedResponses {
  const responseId = `R${fileStamp(at).replace(/[TZ]/g, '')}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
  const full: ResponseFacts = { ...facts, responseId };
  const base = `${safeFilePart(facts.declarationNumber)}_${fileStamp(at)}_${facts.decision}_${responseId.slice(-8)}`;
  const messages: ResponseMessage[] = [
    {
      id: `${responseId}-cusres`,
      kind: 'cusres',
      decision: facts.decision,
      createdAt: at.toISOString(),
      fileName: `${base}.cusres.edi`,
      content: writeCusres(full),
    },
    {
      id: `${responseId}-wco`,
      kind: 'wco-xml',
      decision: facts.decision,
      createdAt: at.toISOString(),
      fileName: `${base}.wco.xml`,
      content: writeWcoResponse(full),
    },
  ];
  const statements = messages.map((m) => ({
    sql: 'INSERT INTO declaration_responses (id, number, kind, decision, created_at, file_name, content) VALUES (?, ?, ?, ?, ?, ?, ?)',
    params: [m.id, facts.declarationNumber, m.kind, m.decision, m.createdAt, m.fileName, m.content],
  }));
  return { messages, statements };
}

/** Write-then-rename, so the single window never picks up a half-written file. */
export async function writeToOutbox(outbox: string, messages: readonly ResponseMessage[]): Promise<void> {
  await mkdir(outbox, { recursive: true });
  for (const m of messages) {
    const target = join(outbox, m.fileName);
    await writeFile(`${target}.part`, m.content, 'utf8');
    await rename(`${target}.part`, target);
  }
}

export async function responsesOf(store: Store, number: string): Promise<ResponseMessage[]> {
  const rows = await store.query<Row>('SELECT * FROM declaration_responses WHERE number = ? ORDER BY created_at, id', [number]);
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind) as ResponseMessage['kind'],
    decision: String(r.decision) as Decision,
    createdAt: String(r.created_at),
    fileName: String(r.file_name),
    content: String(r.content),
  }));
}
