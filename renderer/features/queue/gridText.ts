import type { TFunction } from 'i18next';
import { DeclarationStatus } from '../../../preload/contract/schemas/queue';
import { Lane } from '../../../preload/contract/schemas/risk';

/**
 * Every word the queue grid's cells show, translated once per language. Cells
 * read from this object instead of calling `useTranslation` themselves: a
 * subscription and an i18next lookup per cell cost more than the cell while
 * thousands of rows pass by during a scroll.
 */
export interface GridText {
  locale: string;
  lane: Record<Lane, { name: string; meaning: string }>;
  status: Record<DeclarationStatus, string>;
  flags: {
    perishable: string;
    perishableShort: string;
    perishableHint: string;
    expedited: string;
    expeditedShort: string;
    expeditedHint: string;
    aeo: string;
    aeoHint: string;
  };
  sla: { overdue: string; soon: string; cancelled: string; takenHint: string; takenLateHint: string };
  unassigned: string;
  loadingRow: string;
  selectRow(number: string): string;
}

export function gridText(t: TFunction<'queue'>, locale: string): GridText {
  // Split once around a marker, so each row's label is a concatenation, not a lookup.
  const marker = '\u0000';
  const [before = '', after = ''] = t('selectRow', { number: marker }).split(marker);
  return {
    locale,
    lane: Object.fromEntries(
      Lane.options.map((l) => [l, { name: t(`lane.${l}.name`), meaning: t(`lane.${l}.meaning`) }]),
    ) as GridText['lane'],
    status: Object.fromEntries(DeclarationStatus.options.map((s) => [s, t(`status.${s}`)])) as GridText['status'],
    flags: {
      perishable: t('flags.perishable'),
      perishableShort: t('flags.perishableShort'),
      perishableHint: t('flags.perishableHint'),
      expedited: t('flags.expedited'),
      expeditedShort: t('flags.expeditedShort'),
      expeditedHint: t('flags.expeditedHint'),
      aeo: t('flags.aeo'),
      aeoHint: t('flags.aeoHint'),
    },
    sla: {
      overdue: t('sla.overdue'),
      soon: t('sla.soon'),
      cancelled: t('sla.cancelled'),
      takenHint: t('sla.takenHint'),
      takenLateHint: t('sla.takenLateHint'),
    },
    unassigned: t('unassigned'),
    loadingRow: t('loadingRow'),
    selectRow: (number) => `${before}${number}${after}`,
  };
}
