import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DeclarationStatus } from '../../../preload/contract/schemas/queue';
import { Lane } from '../../../preload/contract/schemas/risk';
import queueEn from '../../../renderer/features/queue/locales/en.json';
import queueZh from '../../../renderer/features/queue/locales/zh-CN.json';
import { gridText } from '../../../renderer/features/queue/gridText';

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { queue: queueEn }, 'zh-CN': { queue: queueZh } },
    lng,
    ns: ['queue'],
    interpolation: { escapeValue: false },
  });
  return i18n.getFixedT(lng, 'queue');
}

describe('gridText: the queue grid words, translated once per language', () => {
  for (const lng of ['en', 'zh-CN']) {
    it(`${lng}: the row label matches i18next's own interpolation, for any number`, async () => {
      const t = await translator(lng);
      const text = gridText(t, lng);
      for (const number of ['CN202600000001', 'GB-2026/77', '']) expect(text.selectRow(number)).toBe(t('selectRow', { number }));
    });

    it(`${lng}: every lane and status has its word, none falls back to the key`, async () => {
      const t = await translator(lng);
      const text = gridText(t, lng);
      for (const lane of Lane.options) {
        expect(text.lane[lane].name).toBe(t(`lane.${lane}.name`));
        expect(text.lane[lane].name).not.toContain('lane.');
      }
      for (const status of DeclarationStatus.options) {
        expect(text.status[status]).toBe(t(`status.${status}`));
        expect(text.status[status]).not.toContain('status.');
      }
      expect(text.locale).toBe(lng);
    });
  }
});
