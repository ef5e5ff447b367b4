import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { auditStatement } from '../../../main/services/audit/audit-log';
import { ManualClock } from '../../../main/services/clock';
import { HubHttpError } from '../../../main/services/sync/hub-client';
import { addDeviceToken, openWorkstation, type Workstation } from '../../integration/sync-harness';
import { rewriteWithKey } from '../../support/audit-rewrite';
import { describeWithPostgres } from '../../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../../support/local-hub';

const KEY = Buffer.alloc(32, 5);

describeWithPostgres('audit chain head receipts through a real hub', () => {
  let local: LocalHub | undefined;
  let station: Workstation;
  let chain: AuditChain;
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');

  beforeAll(async () => {
    local = await startLocalHub('cw-audit-receipt');
    const { cluster, url: hubUrl, dir } = local;
    const token = await addDeviceToken(cluster.url, 'ws-receipts');
    station = await openWorkstation('r', join(dir, 'r'), clock, {
      hub: () => ({ url: hubUrl, token }),
      auditHead: async () => {
        const head = chain.chainHead();
        return head ? { seq: head.seq, head: head.hash } : null;
      },
    });
    chain = await AuditChain.open(station.store, KEY, clock);
  }, 120_000);

  afterAll(async () => {
    await station?.store.close();
    await local?.stop();
  });

  it('sends the head, stores the signed receipt, and the verifier then catches a re-signed rewrite before it', async () => {
    const audited = chain.wrap(station.store);
    for (let i = 0; i < 5; i += 1) {
      clock.advance(1000);
      await audited.transaction([
        auditStatement({
          at: clock.now(),
          actor: { id: 'u1', name: 'Inspector' },
          action: 'case.seizure',
          subject: 'case-1',
          detail: { seized: i + 1 },
        }),
      ]);
    }
    await station.engine.syncOnce();
    const head = chain.chainHead();
    const receipts = await station.store.query('SELECT seq, head, signature FROM sync_audit_receipts');
    expect(receipts).toEqual([expect.objectContaining({ seq: head?.seq, head: head?.hash })]);
    expect(String(receipts[0]?.signature).length).toBeGreaterThan(40);
    expect(await chain.verify()).toMatchObject({ ok: true, broken: null });

    await rewriteWithKey(station.store, KEY, 3, { seized: 0 });
    chain = await AuditChain.open(station.store, KEY, clock); // as after a restart: the head is read back from the database
    const result = await chain.verify();
    expect(result.broken).toMatchObject({ seq: head?.seq, reason: 'receipt', expected: head?.hash });

    // The hub refuses the rewritten head for the same entry: the rewrite is visible there too.
    const refusal = await station.engine.syncOnce().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HubHttpError);
    expect((refusal as HubHttpError).code).toBe('audit_head_mismatch');
  });
});
