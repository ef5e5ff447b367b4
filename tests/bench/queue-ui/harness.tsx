/**
 * The queue table alone in a page, over a 100k-row in-page backend that pages
 * exactly like `cw:queue.list` (offset/limit, total): what the bench
 * scrolls. The real services are measured by the backend's own benches; this
 * measures the renderer: virtualization, paging, cell rendering.
 */
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import type { ClearwayApi } from '../../../preload/contract/api';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import { setClearway } from '../../../renderer/app/clearway';
import queueEn from '../../../renderer/features/queue/locales/en.json';
import { QueueTable } from '../../../renderer/features/queue/QueueTable';
import { useQueue } from '../../../renderer/features/queue/queueStore';
import '../../../renderer/styles.css';
import '../../../renderer/features/queue/queue.css';

const TOTAL = 100_000;
const lanes = ['green', 'green', 'green', 'yellow', 'blue', 'red'] as const;
const statuses = ['pending', 'pending', 'documentsRequested', 'inspection', 'held', 'released'] as const;
const traders = [
  'Rotterdam Clearance B.V.',
  '上海外高桥报关行 Waigaoqiao Brokers',
  'Lok Ma Chau Logistics',
  'Hanse Zollagentur GmbH',
  'Nansha Express Declarations',
];
const base = Date.parse('2026-03-01T00:00:00Z');

function row(i: number): QueueRow {
  return {
    number: `CN2026${String(i).padStart(8, '0')}`,
    office: 'CNSHA001',
    arrivalTime: new Date(base + i * 60_000).toISOString(),
    lodgementTime: new Date(base + i * 60_000 - 3_600_000).toISOString(),
    traderId: `T${i % 97}`,
    traderName: traders[i % traders.length] as string,
    aeo: i % 3 === 0,
    perishable: i % 11 === 0,
    expedited: i % 13 === 0,
    lane: lanes[i % lanes.length] as QueueRow['lane'],
    score: (i * 7) % 120,
    slaDueAt: new Date(Date.now() + ((i % 500) - 100) * 60_000).toISOString(),
    status: statuses[i % statuses.length] as QueueRow['status'],
    assigneeId: i % 4 === 0 ? 'u1' : null,
    assigneeName: i % 4 === 0 ? 'Chen Jing' : null,
    releasedAt: statuses[i % statuses.length] === 'released' ? new Date(base + i * 60_000 + 1_800_000).toISOString() : null,
  };
}

const api = {
  host: 'web',
  async invoke(channel: string, input: { offset: number; limit: number }) {
    if (channel !== 'cw:queue.list') throw new Error(`harness has no ${channel}`);
    // A loopback round trip's worth of latency.
    await new Promise((r) => setTimeout(r, 3));
    const rows: QueueRow[] = [];
    for (let i = input.offset; i < Math.min(TOTAL, input.offset + input.limit); i++) rows.push(row(i));
    return { rows, total: TOTAL };
  },
  on: () => () => undefined,
} as unknown as ClearwayApi;

async function main() {
  document.documentElement.dataset.theme = 'dark';
  await i18next
    .use(initReactI18next)
    .init({ resources: { en: { queue: queueEn } }, lng: 'en', interpolation: { escapeValue: false } });
  setClearway(api);
  const started = performance.now();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <div style={{ height: '860px', display: 'flex', flexDirection: 'column' }}>
      <QueueTable gridId="queue-grid" />
    </div>,
  );
  await useQueue.getState().refresh();
  const wait = () =>
    new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[role="row"][data-number]') ? resolve() : requestAnimationFrame(check));
      check();
    });
  await wait();
  (window as unknown as { firstRowsMs: number }).firstRowsMs = performance.now() - started;
}

void main();
