import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { DecideInput } from '../../../preload/contract/schemas/queue';
import { EdifactTokenizer, isTokenizerError } from '../../../main/services/declarations/edifact/tokenizer';
import type { Segment } from '../../../main/services/declarations/edifact/segment';
import { declarationDetail } from '../../../main/services/queue/declaration-detail';
import {
  addDeclarations,
  approvedBy,
  declaration,
  INSPECTOR,
  OFFICER,
  SECOND_SUPERVISOR,
  setup,
  SUPERVISOR,
  type Fixture,
} from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
  await addDeclarations(f, [
    declaration('G-1'),
    declaration('G-2', { name: 'Shenzhen "Best" & Co <Ltd>' }),
    declaration('R-1', { hs: '293941' }),
    declaration('Y-1', { hs: '080510' }),
  ]);
});
afterEach(async () => f.close());

function segments(text: string): Segment[] {
  const t = new EdifactTokenizer();
  const tokens = [...t.push(text), ...t.end()];
  for (const token of tokens) if (isTokenizerError(token)) throw new Error(token.error);
  return tokens as Segment[];
}

describe('decisions', () => {
  it('needs a reason of a minimum length (checked by the channel schema)', () => {
    expect(DecideInput.safeParse({ ids: ['G-1'], decision: 'release', reason: 'ok' }).success).toBe(false);
    expect(DecideInput.safeParse({ ids: ['G-1'], decision: 'release', reason: '   ' }).success).toBe(false);
    expect(DecideInput.safeParse({ ids: [], decision: 'release', reason: 'all in order' }).success).toBe(false);
    expect(DecideInput.safeParse({ ids: ['G-1'], decision: 'release', reason: 'all in order' }).success).toBe(true);
  });

  it('decides in bulk, audits each declaration and records the timeline', async () => {
    const out = await f.queue.actions.decide(OFFICER, ['G-1', 'G-2', 'NOPE'], 'release', 'documents in order');
    expect(out.decided).toEqual([
      { number: 'G-1', status: 'released' },
      { number: 'G-2', status: 'released' },
    ]);
    expect(out.failed).toEqual([{ number: 'NOPE', code: 'NOT_FOUND', message: 'declaration NOPE is not in the queue' }]);
    const audit = await f.store.query(
      "SELECT actor_id, subject, detail FROM audit WHERE action = 'declaration.release' ORDER BY seq",
    );
    expect(audit.map((a) => [a.actor_id, a.subject])).toEqual([
      [OFFICER.id, 'G-1'],
      [OFFICER.id, 'G-2'],
    ]);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ from: 'pending', to: 'released', reason: 'documents in order' });
    const detail = await declarationDetail(f.store, f.queue.declarations, 'G-1');
    expect(detail.timeline.map((t) => t.kind)).toEqual(['lodgement', 'arrival', 'riskAssessed', 'decision']);
    expect(detail.timeline.at(-1)).toMatchObject({
      actor: 'Li Na',
      decision: 'release',
      fromStatus: 'pending',
      toStatus: 'released',
      reason: 'documents in order',
    });
    expect(detail.trs.releasedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(detail.allowedDecisions).toEqual([]);
  });

  it('refuses transitions the status does not allow, with a clear reason', async () => {
    await f.queue.actions.decide(OFFICER, ['G-1'], 'release', 'documents in order');
    const again = await f.queue.actions.decide(OFFICER, ['G-1'], 'hold', 'second thoughts');
    expect(again.failed).toEqual([
      { number: 'G-1', code: 'FAILED_PRECONDITION', message: 'G-1 is already released; a release is final' },
    ]);
    await f.queue.actions.decide(OFFICER, ['Y-1'], 'requestDocuments', 'send the phytosanitary certificate');
    const twice = await f.queue.actions.decide(OFFICER, ['Y-1'], 'requestDocuments', 'send it again');
    expect(twice.failed[0]!.message).toBe('Y-1 is waiting for documents; it cannot be asked for documents from there');
    expect(await f.store.query("SELECT COUNT(*) AS n FROM audit WHERE action LIKE 'declaration.%'")).toEqual([{ n: 2 }]);
  });

  it('releases a red-lane declaration only after inspection, and stamps the TRS steps', async () => {
    const early = await f.queue.actions.decide(OFFICER, ['R-1'], 'release', 'looks fine to me');
    expect(early.failed[0]!.message).toMatch(/red lane: send it to physical inspection before release/);
    await f.queue.actions.decide(OFFICER, ['R-1'], 'sendToInspection', 'precursor check');
    f.clock.advance(90 * 60_000);
    // Four eyes: without a second supervisor's approval the release is not done, for anyone.
    const alone = await f.queue.actions.decide(INSPECTOR, ['R-1'], 'release', 'inspected: matches declaration');
    expect(alone).toMatchObject({ decided: [], failed: [{ number: 'R-1', code: 'FORBIDDEN' }] });
    const asked = await f.queue.actions.decide(SUPERVISOR, ['R-1'], 'release', 'inspected: matches declaration', {
      mayAskRedRelease: true,
    });
    expect(asked).toEqual({ decided: [], failed: [], redReleases: ['R-1'] });
    const ok = await f.queue.actions.decide(
      SUPERVISOR,
      ['R-1'],
      'release',
      'inspected: matches declaration',
      approvedBy(SECOND_SUPERVISOR),
    );
    expect(ok.decided).toEqual([{ number: 'R-1', status: 'released' }]);
    const detail = await declarationDetail(f.store, f.queue.declarations, 'R-1');
    expect(detail.trs).toMatchObject({
      inspectionAt: '2026-03-02T09:30:00.000Z',
      releasedAt: '2026-03-02T09:30:00.000Z',
      documentaryCheckAt: null,
    });
  });

  it('writes a CUSRES and a WCO DM response to the outbox and records them', async () => {
    await f.queue.actions.decide(OFFICER, ['G-2'], 'hold', "hold: seal broken; can't verify");
    const files = (await readdir(join(f.dataDir, 'outbox'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^G-2_20260302T080000Z_hold_\w{8}\.cusres\.edi$/);
    expect(files[1]).toMatch(/^G-2_20260302T080000Z_hold_\w{8}\.wco\.xml$/);

    const cusres = segments(await readFile(join(f.dataDir, 'outbox', files[0]!), 'utf8'));
    const tags = cusres.map((s) => s.tag);
    expect(tags).toEqual(['UNB', 'UNH', 'BGM', 'DTM', 'FTX', 'LOC', 'GIS', 'RFF', 'DTM', 'ERP', 'ERC', 'FTX', 'UNT', 'UNZ']);
    const by = (tag: string) => cusres.filter((s) => s.tag === tag);
    expect(by('UNB')[0]!.elements).toEqual([
      ['UNOW', '4'],
      ['CNSZX001', 'ZZZ'],
      ['CN1001', 'ZZZ'],
      ['20260302', '0800'],
      [by('UNZ')[0]!.elements[1]![0]],
    ]);
    expect(by('UNH')[0]!.elements).toEqual([['1'], ['CUSRES', 'D', '96B', 'UN']]);
    expect(by('RFF')[0]!.elements).toEqual([['ABT', 'G-2']]);
    expect(by('GIS')[0]!.elements[0]![0]).toBe('HLD');
    // The reason survives the release-character escaping of ' and :
    expect(by('FTX')[1]!.elements[3]).toEqual(["hold: seal broken; can't verify"]);
    // UNT counts UNH..UNT.
    expect(by('UNT')[0]!.elements[0]).toEqual([String(tags.indexOf('UNT') - tags.indexOf('UNH') + 1)]);

    const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, parseTagValue: false }).parse(
      await readFile(join(f.dataDir, 'outbox', files[1]!), 'utf8'),
    );
    expect(xml.Response['@_xmlns']).toBe('urn:wco:datamodel:WCO:RES-DMS:2');
    expect(xml.Response.FunctionCode).toBe('05');
    expect(xml.Response.Declaration.FunctionalReferenceID).toBe('G-2');
    expect(xml.Response.Status.NameCode).toBe('HLD');
    expect(xml.Response.Error.Description).toBe("hold: seal broken; can't verify");
    expect(xml.Response.Error.Pointer.DocumentSectionCode).toBe('42A');
    expect(xml.Response.IssueDateTime['ds:DateTimeString']['#text']).toBe('20260302080000Z');

    const detail = await declarationDetail(f.store, f.queue.declarations, 'G-2');
    expect(detail.responses.map((r) => [r.kind, r.decision, r.fileName])).toEqual([
      ['cusres', 'hold', files[0]],
      ['wco-xml', 'hold', files[1]],
    ]);
  });

  it('shows prior dispositions of declarations that hit the same rule', async () => {
    await addDeclarations(f, [declaration('R-2', { hs: '293941' }), declaration('R-3', { hs: '293942' })]);
    await f.queue.actions.decide(OFFICER, ['R-1', 'R-2'], 'sendToInspection', 'precursor check');
    await f.queue.actions.decide(INSPECTOR, ['R-1'], 'hold', 'undeclared ephedrine found');
    const detail = await declarationDetail(f.store, f.queue.declarations, 'R-3');
    expect(detail.priorDispositions).toEqual([
      {
        hitKey: 'rule:alkaloids',
        label: 'Alkaloids (HS 2939)',
        declarations: 2,
        counts: { release: 0, hold: 1, requestDocuments: 0, sendToInspection: 2 },
      },
    ]);
  });
});

describe('assignment and reroute', () => {
  it('assigns to me, to another user and back to nobody, audited', async () => {
    expect(await f.queue.actions.assign(OFFICER, ['G-1', 'G-2'], 'me')).toEqual(['G-1', 'G-2']);
    await f.queue.actions.assign(OFFICER, ['G-1'], INSPECTOR.id);
    expect(
      await f.store.query('SELECT number, assignee_name FROM declaration_queue WHERE number IN (?, ?) ORDER BY number', [
        'G-1',
        'G-2',
      ]),
    ).toEqual([
      { number: 'G-1', assignee_name: 'Wang Fang' },
      { number: 'G-2', assignee_name: 'Li Na' },
    ]);
    await f.queue.actions.assign(OFFICER, ['G-1'], null);
    expect(await f.store.query("SELECT COUNT(*) AS n FROM audit WHERE action = 'declaration.assign'")).toEqual([{ n: 4 }]);
    await expect(f.queue.actions.assign(OFFICER, ['G-1'], 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only a supervisor reroute, recomputing the SLA', async () => {
    expect(channels['cw:queue.reroute'].access).toBe('declarations.reroute');
    await expect(f.queue.actions.reroute(OFFICER, 'G-1', 'red', 'intelligence tip-off')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const row = await f.queue.actions.reroute(SUPERVISOR, 'G-1', 'red', 'intelligence tip-off');
    expect(row).toMatchObject({ lane: 'red', slaDueAt: '2026-03-02T15:30:00.000Z' });
    await expect(f.queue.actions.reroute(SUPERVISOR, 'G-1', 'red', 'again')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    const detail = await declarationDetail(f.store, f.queue.declarations, 'G-1');
    expect(detail.assessment.lane).toBe('green');
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'rerouted', fromLane: 'green', toLane: 'red', actor: 'Zhou Qiang' });
    expect(await f.store.query("SELECT subject FROM audit WHERE action = 'declaration.reroute'")).toEqual([{ subject: 'G-1' }]);
  });
});
