import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionTimesOutput } from '../../../preload/contract/schemas/recognition';
import { clearway } from '../../app/clearway';
import { EChart } from './EChart';

/** The gate's recognised vehicles: seconds from first sighting to the decision shown, each vehicle a point. */
export function GateDecisionTimes({ days, dark }: { days: number; dark: boolean }) {
  const { t } = useTranslation('dashboard');
  const [data, setData] = useState<DecisionTimesOutput | null>(null);
  useEffect(() => {
    const load = () =>
      void clearway()
        .invoke('cw:recognition.decisionTimes', { days })
        .then(setData, () => setData(null));
    load();
    return clearway().on('cw:recognition.decided', load);
  }, [days]);
  const option = useMemo((): EChartsCoreOption | null => {
    if (!data) return null;
    const axis = { axisLabel: { color: dark ? 'rgba(255,255,255,0.75)' : 'rgba(0,0,0,0.75)' } };
    const points = (auto: boolean) =>
      data.rows.filter((r) => (r.kind === 'autoReleased') === auto).map((r) => [r.decidedAt, r.decisionMs / 1000]);
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0, textStyle: axis.axisLabel },
      grid: { left: 48, right: 24, top: 40, bottom: 28 },
      xAxis: { type: 'time', ...axis },
      yAxis: { type: 'value', name: 's', ...axis },
      series: [
        { name: t('gate.autoReleased'), type: 'scatter', data: points(true), itemStyle: { color: '#52c41a' } },
        { name: t('gate.alerts'), type: 'scatter', data: points(false), itemStyle: { color: '#d48806' } },
      ],
    };
  }, [data, dark, t]);
  if (!data || !option) return null;
  const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
  return (
    <figure className="cw-chart cw-chart-wide" data-testid="chart-gate-decisions">
      <figcaption>
        {t('gate.title')} ·{' '}
        <span className="cw-muted cw-num">
          {t('gate.summary', {
            median: seconds(data.medianMs),
            p95: seconds(data.p95Ms),
            auto: data.autoReleased,
            alerts: data.alerts,
          })}
        </span>
      </figcaption>
      <EChart option={option} height={200} label={t('gate.title')} testId="chart-gate" />
    </figure>
  );
}
