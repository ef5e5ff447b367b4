/**
 * The cases area proves its own channels here: every channel in
 * preload/contract/channels/cases.ts is called through createServices()' handlers, as a
 * host calls it (unparsed input in, output checked against the contract).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { casesChannels } from '../../../preload/contract/channels/cases';
import { channels, type ChannelName } from '../../../preload/contract';

import { ServiceError } from '../../../main/services/errors';
import { callChannel, startTempServices } from '../services/temp-services';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('cases channels through createServices', { timeout: 90_000 }, () => {
  it('reaches every cases, evidence and audit-chain channel with outputs matching the contract', async () => {
    const { services, dataDir, cleanup } = await startTempServices('cw-case-channels');
    cleanups.push(cleanup);
    const call = <C extends ChannelName>(channel: C, input?: unknown) => callChannel(services, channel, input);
    const reached = new Set<string>();
    const ok = async <C extends ChannelName>(channel: C, input?: unknown) => {
      // Parse as the dispatcher does, so defaults apply and bad input fails here.
      const value = await call(channel, channels[channel].input.parse(input));
      reached.add(channel);
      const parsed = channels[channel].output.safeParse(value);
      expect(parsed.success, `${channel} output matches the contract: ${parsed.error?.message ?? ''}`).toBe(true);
      return value;
    };

    await call('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Yangshan Port',
      demo: false,
    });
    const wang = await call('cw:auth.createUser', {
      username: 'inspector.wang',
      displayName: '王检查员',
      role: 'inspector',
      password: 'inspector wang password',
    });

    expect((await ok('cw:audit.chainState')).ok).toBe(true);
    const assignees = await ok('cw:cases.assignees');
    expect(assignees.map((a) => a.name).sort()).toEqual(['Zhou Qiang', '王检查员'].sort());

    const opened = await ok('cw:cases.open', {
      title: 'Undeclared cigarettes in reefer',
      subject: { kind: 'container', ref: 'MSCU4821907' },
    });
    const updated = await ok('cw:cases.update', { id: opened.id, assigneeId: wang.id });
    expect(updated.assignee).toEqual({ id: wang.id, name: '王检查员' });
    expect(await ok('cw:cases.list', { assigneeId: wang.id })).toMatchObject([{ id: opened.id }]);
    await ok('cw:cases.setStatus', { id: opened.id, status: 'under_inspection' });
    await ok('cw:cases.addFinding', { caseId: opened.id, category: 'undeclared', text: '48 cartons behind the fish pallets' });
    await ok('cw:cases.addSeizure', {
      caseId: opened.id,
      item: 'Cigarettes',
      quantity: 48,
      unit: 'cartons',
      value: { amount: 96000, currency: 'CNY' },
      location: 'Bonded store B3',
    });
    await ok('cw:cases.addNote', { caseId: opened.id, text: 'Seal intact at the gate.' });
    const withTask = await ok('cw:cases.addTask', {
      caseId: opened.id,
      title: 'Request the origin seal record',
      due: '2026-03-04T00:00:00.000Z',
    });
    const done = await ok('cw:cases.setTaskDone', { caseId: opened.id, taskId: withTask.tasks[0]!.id, done: true });
    expect(done.tasks[0]!.done).toBe(true);
    const linked = await ok('cw:cases.addLink', {
      caseId: opened.id,
      kind: 'declaration',
      ref: '26CN0001234',
      label: 'Frozen fish',
    });
    expect(linked.links).toMatchObject([{ kind: 'declaration', ref: '26CN0001234', label: 'Frozen fish' }]);

    expect(
      await ok('cw:evidence.uploadChunk', { uploadId: 'upload-seal-photo', index: 0, base64: PNG.toString('base64') }),
    ).toEqual({ bytes: PNG.length });
    const photo = await ok('cw:evidence.add', {
      caseId: opened.id,
      fileName: 'seal.png',
      mediaType: 'image/png',
      uploadId: 'upload-seal-photo',
      sha256: sha256(PNG),
    });
    expect(photo.sha256).toBe(sha256(PNG));

    // A snapshot the port view saved: <dataDir>/evidence/<sha256>.png with its sidecar.
    const frame = Buffer.concat([PNG, Buffer.from('camera frame 7')]);
    mkdirSync(join(dataDir, 'evidence'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', `${sha256(frame)}.png`), frame);
    writeFileSync(
      join(dataDir, 'evidence', `${sha256(frame)}.json`),
      JSON.stringify({ cameraName: 'Gate 3 lane 2', takenAt: '2026-03-02T08:31:00.000Z' }),
    );
    const snapshot = await ok('cw:evidence.addSnapshot', { caseId: opened.id, sha256: sha256(frame) });
    expect(snapshot).toMatchObject({ source: 'camera', sourceRef: 'Gate 3 lane 2' });

    const read = await ok('cw:evidence.read', { caseId: opened.id, evidenceId: photo.id });
    expect(Buffer.from(read.base64, 'base64')).toEqual(PNG);
    const transferred = await ok('cw:evidence.transfer', {
      caseId: opened.id,
      evidenceId: photo.id,
      to: 'Shanghai Customs Laboratory',
      reason: 'ink analysis of the seal',
    });
    // Same clock tick for all three, so compare as a set.
    expect(
      transferred.custody
        .filter((k) => k.evidenceId === photo.id)
        .map((k) => k.action)
        .sort(),
    ).toEqual(['intake', 'transferred', 'viewed']);
    expect(transferred.custody.find((k) => k.action === 'transferred')).toMatchObject({
      to: 'Shanghai Customs Laboratory',
      reason: 'ink analysis of the seal',
      by: { name: 'Zhou Qiang' },
    });

    const detail = await ok('cw:cases.get', { id: opened.id });
    expect(detail.evidence.map((e) => e.verify.state)).toEqual(['ok', 'ok']);
    const report = await ok('cw:cases.exportReport', { caseId: opened.id });
    const chunk = await ok('cw:cases.readReport', { fileName: report.fileName });
    const pdf = Buffer.from(chunk.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf)).toBe(report.sha256);
    await expect(call('cw:cases.readReport', { fileName: 'case-no-such.pdf', offset: 0 })).rejects.toBeInstanceOf(ServiceError);

    const verified = await ok('cw:audit.verifyChain');
    expect(verified).toMatchObject({ ok: true, broken: null });
    expect(verified.entries).toBeGreaterThan(10);

    expect(Object.keys(casesChannels).filter((name) => !reached.has(name))).toEqual([]);
  });
});
