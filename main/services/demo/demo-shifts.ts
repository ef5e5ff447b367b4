import { randomUUID } from 'node:crypto';
import type { Statement } from '../store/types';

/** What officers really leave for each other: holds, certificates, broken kit, follow-ups. */
const HANDOVER_NOTES: readonly string[] = [
  'Reefer container MSCU 4821907 held at yard B3: awaiting SPS certificate from the exporter’s agent. Power connected, temperature log checked at 06:40 (−18.2 °C).',
  '闸口3号车道车牌识别摄像头下午偶尔失焦，已报修；过车时请人工核对车牌。',
  'Broker Huaxin Logistics resubmitted 3 declarations after the HS code correction (8517.62): re-scored yellow, documents OK, released. Average green-lane release today 4 min.',
  '冷链查验：MAEU 7719034 柑橘，植物检疫证书已到，待实验室抽样结果（预计明早10点）。请跟进后放行。',
  'Red lane: truck 粤B·7K213 physical inspection done, undeclared lithium batteries (UN3480) on 2 pallets. Case opened, goods detained in bonded shed 2.',
  'Night shift quiet. 14 pre-arrival declarations processed for the 06:00 vessel COSCO SHIPPING ARIES; 2 flagged for documentary check (invoice value below reference price).',
  'AEO operator Sinotrans: 12 containers released on arrival under the expedited procedure. 提醒：明天起新风险规则上线（原产地申报核验）。',
  'X-ray scanner lane 2 calibration due Thursday, use lane 1 for NII until then. 集装箱 TGHU 5503312 图像密度异常，已转人工查验。',
  'Perishables: fresh durian, 2 × 40′ reefers, cleared within 2 h. SPS certificates verified with the partner port through the single window.',
  '交接待办：(1) OOLU 8812345 补充原产地证；(2) 申报系统离线约20分钟，已恢复，期间3票改为人工受理；(3) 下周一稽查抽样准备。',
  'Hub sync was offline 21:10–21:45 (network maintenance); outbox drained on reconnect, nothing pending. Gate 1 barrier slow to open, facilities notified.',
  '夜班：查获申报不符1票（服装，数量少报约300件），已移交缉私。Yard check of CMAU 3390127 seals: intact, photos in case file.',
  'Post-clearance audit (blue lane) list for Qianhai Trading handed to the PCA team. Two trainees shadowed the red-lane inspection this afternoon.',
  '台风预警：明天下午可能停止堆场作业，优先处理冷藏和危险品申报。Reefer plugs in yard C fully occupied.',
];

export interface DemoShiftOfficer {
  id: string;
}

/**
 * A week of ended day (08:00–20:00) and night (20:00–08:00) shifts before `now`,
 * officers taking turns, each with a realistic handover note.
 */
export function demoShiftStatements(officers: readonly DemoShiftOfficer[], office: string, now: Date): Statement[] {
  if (officers.length === 0) return [];
  const statements: Statement[] = [];
  const HALF_DAY = 12 * 3_600_000;
  const EIGHT_AM = 8 * 3_600_000;
  // The last 08:00 or 20:00 (UTC) boundary before now: the most recent shift ended there.
  const lastBoundary = Math.floor((now.getTime() - EIGHT_AM) / HALF_DAY) * HALF_DAY + EIGHT_AM;
  for (let index = 0; index < 14; index++) {
    const end = lastBoundary - index * HALF_DAY;
    const start = end - HALF_DAY;
    const officer = officers[index % officers.length]!;
    statements.push({
      sql: 'INSERT INTO shifts (id, user_id, office, started_at, ended_at, start_notes, handover_notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      params: [
        randomUUID(),
        officer.id,
        office,
        new Date(start).toISOString(),
        new Date(end).toISOString(),
        index % 3 === 0 ? 'Read the handover; 已了解。' : null,
        HANDOVER_NOTES[index % HANDOVER_NOTES.length]!,
      ],
    });
  }
  return statements;
}
