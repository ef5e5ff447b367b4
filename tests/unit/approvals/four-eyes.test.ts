/**
 * Four eyes and the input-dependent rights, through the dispatcher with real
 * services: a red-lane release, closing a case with a seizure and a risk rule or
 * watchlist change wait for a second supervisor; self-approval is refused, another
 * supervisor's approval applies the act, a rejection changes nothing, and every
 * step is audited. Diagnostics carry the audit log only for those who may read it.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract';
import { roles } from '../../../preload/contract/rights';
import { declaration } from '../queue/fixtures';
import { startWithRoles, type RoleServices } from '../services/signed-in-roles';

let s: RoleServices;
const approvalCounts: EventPayload<'cw:approvals.changed'>[] = [];

async function importDeclaration(number: string): Promise<void> {
  const base64 = Buffer.from(JSON.stringify(declaration(number))).toString('base64');
  await s.call('cw:queue.uploadChunk', { uploadId: `up-${number}`, name: `${number}.json`, index: 0, last: true, base64 });
}

/** A declaration re-routed to the red lane and sent to inspection: ready to be released, by four eyes. */
async function redAtInspection(number: string): Promise<void> {
  await s.as('supervisor');
  await importDeclaration(number);
  await s.call('cw:queue.reroute', { id: number, lane: 'red', reason: 'intelligence tip-off' });
  await s.call('cw:queue.decide', { ids: [number], decision: 'sendToInspection', reason: 'physical check' });
}

const auditActions = async (subject: string) => {
  await s.as('supervisor');
  return (await s.call('cw:audit.list', { limit: 500 }))
    .filter((e) => e.subject === subject)
    .map((e) => e.action)
    .reverse();
};

beforeAll(async () => {
  s = await startWithRoles('cw-four-eyes');
  s.services.onEvent((event, payload) => {
    if (event === 'cw:approvals.changed') approvalCounts.push(payload as EventPayload<'cw:approvals.changed'>);
  });
}, 120_000);
afterAll(async () => s.cleanup());

describe('decisions by role (input-dependent rights)', { timeout: 60_000 }, () => {
  it('an officer releases a green-lane declaration but not a red-lane one; an inspector releases nothing', async () => {
    await s.as('officer');
    await importDeclaration('RIGHTS-G1');
    await s.as('inspector');
    const refused = await s
      .call('cw:queue.decide', { ids: ['RIGHTS-G1'], decision: 'release', reason: 'looks fine' })
      .catch((e) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/declarations\.release/) });
    expect((await s.call('cw:queue.get', { id: 'RIGHTS-G1' })).row.status).toBe('pending');
    expect(await s.call('cw:queue.decide', { ids: ['RIGHTS-G1'], decision: 'hold', reason: 'seal to check' })).toMatchObject({
      decided: [{ number: 'RIGHTS-G1', status: 'held' }],
    });
    await s.as('officer');
    expect(await s.call('cw:queue.decide', { ids: ['RIGHTS-G1'], decision: 'release', reason: 'seal checked' })).toMatchObject({
      decided: [{ number: 'RIGHTS-G1', status: 'released' }],
    });

    await redAtInspection('RIGHTS-R0');
    await s.as('officer');
    const red = await s.call('cw:queue.decide', { ids: ['RIGHTS-R0'], decision: 'release', reason: 'inspected: fine' });
    expect(red).toMatchObject({ decided: [], awaitingApproval: [], failed: [{ number: 'RIGHTS-R0', code: 'FORBIDDEN' }] });
  });

  it('only a supervisor changes a setting that affects security; anyone changes a preference', async () => {
    await s.as('officer');
    expect((await s.call('cw:settings.update', { theme: 'light' })).theme).toBe('light');
    for (const patch of [{ hubUrl: 'https://hub.customs.example' }, { idleLockMinutes: 120 }, { cameraEnabled: true }]) {
      const refused = await s.call('cw:settings.update', patch).catch((e) => e);
      expect(refused, JSON.stringify(patch)).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/settings\.security/),
      });
    }
    await s.as('trainee');
    expect(await s.call('cw:settings.update', { hubUrl: 'https://hub.customs.example' }).catch((e) => e)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/training data only/),
    });
    await s.as('supervisor');
    expect((await s.call('cw:settings.update', { idleLockMinutes: 30 })).idleLockMinutes).toBe(30);
  });

  it('an inspector moves a case through inspection but does not close it', async () => {
    await s.as('inspector');
    const opened = await s.call('cw:cases.open', { title: 'Seal mismatch', subject: { kind: 'container', ref: 'MSCU4821907' } });
    for (const status of ['under_inspection', 'pending_decision'] as const)
      await s.call('cw:cases.setStatus', { id: opened.id, status });
    expect(await s.codeOf('cw:cases.setStatus', { id: opened.id, status: 'closed' })).toBe('FORBIDDEN');
    await s.as('officer');
    expect((await s.call('cw:cases.setStatus', { id: opened.id, status: 'closed' })).status).toBe('closed');
  });
});

describe('four eyes', { timeout: 60_000 }, () => {
  it('a red-lane release waits for a second supervisor: the requester cannot approve it, another supervisor can', async () => {
    await redAtInspection('RIGHTS-R1');
    const asked = await s.call('cw:queue.decide', { ids: ['RIGHTS-R1'], decision: 'release', reason: 'inspected: matches' });
    expect(asked.decided).toEqual([]);
    const approvalId = asked.awaitingApproval[0]!.approvalId;
    expect(asked.awaitingApproval).toEqual([{ number: 'RIGHTS-R1', approvalId }]);
    expect((await s.call('cw:queue.get', { id: 'RIGHTS-R1' })).row.status).toBe('inspection');
    // Asking twice is refused while the first request waits.
    const again = await s.call('cw:queue.decide', { ids: ['RIGHTS-R1'], decision: 'release', reason: 'inspected: matches' });
    expect(again.failed).toMatchObject([{ number: 'RIGHTS-R1', code: 'CONFLICT' }]);

    const pending = await s.call('cw:approvals.list', {});
    expect(pending.find((a) => a.id === approvalId)).toMatchObject({
      kind: 'declaration.release',
      subject: 'RIGHTS-R1',
      reason: 'inspected: matches',
      status: 'pending',
      requestedBy: { id: s.idOf('supervisor') },
    });
    expect(approvalCounts.at(-1)).toEqual({ pending: pending.length });

    const self = await s.call('cw:approvals.approve', { id: approvalId }).catch((e) => e);
    expect(self).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/second supervisor/) });
    expect((await s.call('cw:queue.get', { id: 'RIGHTS-R1' })).row.status).toBe('inspection');
    await s.as('officer');
    expect(await s.codeOf('cw:approvals.approve', { id: approvalId })).toBe('FORBIDDEN');
    expect(await s.codeOf('cw:approvals.list', {})).toBe('FORBIDDEN');

    await s.as('supervisor.second');
    const approved = await s.call('cw:approvals.approve', { id: approvalId, note: 'inspection report read' });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: { id: s.idOf('supervisor.second') },
      note: 'inspection report read',
    });
    const detail = await s.call('cw:queue.get', { id: 'RIGHTS-R1' });
    expect(detail.row.status).toBe('released');
    expect(await s.codeOf('cw:approvals.approve', { id: approvalId })).toBe('FAILED_PRECONDITION');
    expect((await s.call('cw:approvals.list', { status: 'decided' })).map((a) => a.id)).toContain(approvalId);
    expect(await auditActions(approvalId)).toEqual(['approval.request', 'approval.approve']);
    expect(await auditActions('RIGHTS-R1')).toContain('declaration.release');
    const release = (await s.call('cw:audit.list', { limit: 500 })).find(
      (e) => e.subject === 'RIGHTS-R1' && e.action === 'declaration.release',
    );
    expect(JSON.stringify(release?.detail)).toContain('supervisor.second');
  });

  it('a rejected red-lane release leaves the declaration as it was, and is audited', async () => {
    await redAtInspection('RIGHTS-R2');
    const { awaitingApproval } = await s.call('cw:queue.decide', {
      ids: ['RIGHTS-R2'],
      decision: 'release',
      reason: 'looks fine',
    });
    await s.as('supervisor.second');
    expect(await s.codeOf('cw:approvals.reject', { id: awaitingApproval[0]!.approvalId, note: ' ' })).toBe('INVALID_ARGUMENT');
    const rejected = await s.call('cw:approvals.reject', {
      id: awaitingApproval[0]!.approvalId,
      note: 'no inspection report attached',
    });
    expect(rejected).toMatchObject({ status: 'rejected', note: 'no inspection report attached' });
    expect((await s.call('cw:queue.get', { id: 'RIGHTS-R2' })).row.status).toBe('inspection');
    expect(await auditActions(awaitingApproval[0]!.approvalId)).toEqual(['approval.request', 'approval.reject']);
    expect(await auditActions('RIGHTS-R2')).not.toContain('declaration.release');
  });

  it('a case with a seizure closes when a second supervisor approves the officer’s request', async () => {
    await s.as('inspector');
    const opened = await s.call('cw:cases.open', {
      title: 'Undeclared cigarettes',
      subject: { kind: 'container', ref: 'TGHU7712345' },
    });
    await s.call('cw:cases.addSeizure', {
      caseId: opened.id,
      item: 'Cigarettes',
      quantity: 40,
      unit: 'cartons',
      value: { amount: 8000, currency: 'CNY' },
      location: 'Bonded store B2',
    });
    for (const status of ['under_inspection', 'pending_decision'] as const)
      await s.call('cw:cases.setStatus', { id: opened.id, status });
    await s.as('officer');
    expect(await s.codeOf('cw:cases.setStatus', { id: opened.id, status: 'closed' })).toBe('INVALID_ARGUMENT');
    const asked = await s.call('cw:cases.setStatus', { id: opened.id, status: 'closed', reason: 'goods seized, importer fined' });
    expect(asked.status).toBe('pending_decision');

    await s.as('supervisor');
    const [request] = (await s.call('cw:approvals.list', {})).filter((a) => a.subject === opened.id);
    expect(request).toMatchObject({
      kind: 'case.close',
      reason: 'goods seized, importer fined',
      requestedBy: { id: s.idOf('officer') },
    });
    expect(request!.summary).toContain('40 cartons Cigarettes');
    const closed = await s.call('cw:approvals.approve', { id: request!.id });
    expect(closed.status).toBe('approved');
    const detail = await s.call('cw:cases.get', { id: opened.id });
    expect(detail).toMatchObject({ status: 'closed', closedBy: { id: s.idOf('officer') } });
    expect(await auditActions(request!.id)).toEqual(['approval.request', 'approval.approve']);
  });

  it('a changed risk rule is in force only after a second supervisor approves it; a rejected watchlist stays as it was', async () => {
    await s.as('supervisor');
    const rule = {
      id: 'four-eyes-rule',
      name: 'Lithium batteries',
      conditions: [{ field: 'hsCode', op: 'prefix', value: '8507' }],
      lane: 'red',
      score: 80,
      profileId: null,
      active: true,
    };
    const request = await s.call('cw:risk.saveRule', { rule, expectedVersion: 0, reason: 'new dangerous-goods alert' });
    expect(request).toMatchObject({
      kind: 'risk.rule',
      subject: 'four-eyes-rule',
      status: 'pending',
      reason: 'new dangerous-goods alert',
    });
    expect((await s.call('cw:risk.config')).rules.some((r) => r.id === 'four-eyes-rule')).toBe(false);
    expect(await s.codeOf('cw:approvals.approve', { id: request.id })).toBe('FORBIDDEN');
    await s.as('supervisor.second');
    await s.call('cw:approvals.approve', { id: request.id });
    expect((await s.call('cw:risk.config')).rules.find((r) => r.id === 'four-eyes-rule')).toMatchObject({
      version: 1,
      lane: 'red',
    });
    expect(await auditActions(request.id)).toEqual(['approval.request', 'approval.approve']);
    expect(await auditActions('four-eyes-rule')).toContain('risk.rule.save');

    const watchlist = {
      id: 'four-eyes-list',
      name: 'Plates of interest',
      kind: 'plate',
      lane: 'red',
      score: 90,
      profileId: null,
      entries: [{ id: 'e1', value: '粤B12345', reason: 'tip-off' }],
      active: true,
    };
    const listRequest = await s.call('cw:risk.saveWatchlist', { watchlist, expectedVersion: 0 });
    await s.as('supervisor');
    await s.call('cw:approvals.reject', { id: listRequest.id, note: 'source not confirmed' });
    expect((await s.call('cw:risk.config')).watchlists.some((w) => w.id === 'four-eyes-list')).toBe(false);
    expect(await auditActions(listRequest.id)).toEqual(['approval.request', 'approval.reject']);
  });
});

describe('diagnostics export', { timeout: 60_000 }, () => {
  it.each(roles)('as %s holds the audit log only for those who may read it', async (role) => {
    await s.as(role);
    const result = await s.call('cw:app.exportDiagnostics');
    const files = unzipSync(new Uint8Array(readFileSync(result.path)));
    const mayRead = role === 'supervisor';
    expect(Object.hasOwn(files, 'audit.json'), role).toBe(mayRead);
    const app = JSON.parse(strFromU8(files['app.json']!)) as { audit: string };
    expect(app.audit).toMatch(mayRead ? /audit\.json/ : /left out/);
    // Nothing of an audit entry elsewhere in the zip either (the logs, the notices).
    if (!mayRead) expect(strFromU8(files['notices.json']!)).not.toContain('approval.request');
  });
});
