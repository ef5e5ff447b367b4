import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Spin, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, ReleaseStats } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSettings } from '../../app/settingsStore';
import { LaneTag } from '../queue/LaneTag';
import { EChart } from './EChart';
import { GateDecisionTimes } from './GateDecisionTimes';
import { formatMinutes } from './releaseFormat';

const LANE_COLOURS = { green: '#52c41a', yellow: '#d4b106', blue: '#4096ff', red: '#f5222d' } as const;
const DAY_CHOICES = [1, 7, 30, 90] as const;

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="cw-kpi" data-testid={testId}>
      <div className="cw-kpi-label">{label}</div>
      <div className="cw-kpi-value cw-num">{value}</div>
    </div>
  );
}

/** Three series per category: average, median, 90th percentile (minutes). */
function statsOption(
  categories: string[],
  stats: ReleaseStats[],
  names: [string, string, string],
  dark: boolean,
  colours?: string[],
): EChartsCoreOption {
  const axis = { axisLabel: { color: dark ? 'rgba(255,255,255,0.75)' : 'rgba(0,0,0,0.75)' } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(0)} min` : '–') },
    legend: { top: 0, textStyle: axis.axisLabel },
    // Room under the legend for the axis name, so "min" does not sit on the legend.
    grid: { left: 48, right: 12, top: 48, bottom: 28 },
    // Every category labelled (ECharts hides some when it thinks they are crowded): an empty lane is a figure too.
    xAxis: { type: 'category', data: categories, ...axis, axisLabel: { ...axis.axisLabel, interval: 0, hideOverlap: false } },
    yAxis: { type: 'value', name: 'min', ...axis },
    series: [
      {
        name: names[0],
        type: 'bar',
        data: stats.map((s, i) => ({ value: s.avgMinutes, itemStyle: colours ? { color: colours[i] } : undefined })),
      },
      { name: names[1], type: 'bar', data: stats.map((s) => s.p50Minutes) },
      { name: names[2], type: 'bar', data: stats.map((s) => s.p90Minutes) },
    ],
  };
}

/** WCO Time Release Study: how long goods wait from arrival to release, per lane, shift and day. */
export function DashboardView() {
  const { t } = useTranslation('dashboard');
  const dark = useSettings((s) => s.settings.theme === 'dark');
  const [days, setDays] = useState<number>(7);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const units = useMemo(() => ({ min: t('unit.min'), h: t('unit.h'), d: t('unit.d') }), [t]);

  const load = useCallback(() => {
    clearway()
      .invoke('cw:queue.dashboard', { days })
      .then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: unknown) => setError(e),
      );
  }, [days]);
  useEffect(load, [load]);
  useEffect(() => clearway().on('cw:queue.changed', () => load()), [load]);

  const names: [string, string, string] = [t('series.avg'), t('series.p50'), t('series.p90')];
  const laneOption = useMemo(
    () =>
      data
        ? statsOption(
            data.byLane.map((l) => t(`lane.${l.lane}`)),
            data.byLane,
            names,
            dark,
            data.byLane.map((l) => LANE_COLOURS[l.lane]),
          )
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, dark, t],
  );
  const shiftOption = useMemo(
    () =>
      data
        ? statsOption(
            data.byShift.map((s) => t(`shift.${s.shift}`)),
            data.byShift,
            names,
            dark,
          )
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, dark, t],
  );
  const dayOption = useMemo((): EChartsCoreOption | null => {
    if (!data) return null;
    const axis = { axisLabel: { color: dark ? 'rgba(255,255,255,0.75)' : 'rgba(0,0,0,0.75)' } };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: axis.axisLabel },
      grid: { left: 48, right: 48, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: data.byDay.map((d) => d.day.slice(5)), ...axis },
      yAxis: [
        { type: 'value', name: 'min', ...axis },
        { type: 'value', name: t('series.released'), ...axis, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('series.released'),
          type: 'bar',
          yAxisIndex: 1,
          data: data.byDay.map((d) => d.released),
          itemStyle: { opacity: 0.45 },
        },
        { name: names[0], type: 'line', data: data.byDay.map((d) => d.avgMinutes), connectNulls: false },
        { name: names[1], type: 'line', data: data.byDay.map((d) => d.p50Minutes) },
        { name: names[2], type: 'line', data: data.byDay.map((d) => d.p90Minutes) },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, dark, t]);

  if (error)
    return <Alert type="error" showIcon message={t('loadFailed')} description={describeError(error, t as never).message} />;
  if (!data || !laneOption || !shiftOption || !dayOption) return <Spin />;

  const cs = data.currentShift;
  const m = (v: number | null) => formatMinutes(v, units);
  return (
    <div className="cw-dashboard" data-testid="dashboard">
      <div className="cw-dashboard-bar">
        <Space size={8}>
          <span id="dash-days">{t('window')}</span>
          <Segmented<number>
            size="small"
            aria-labelledby="dash-days"
            value={days}
            onChange={setDays}
            options={DAY_CHOICES.map((d) => ({ value: d, label: t('days', { count: d }) }))}
          />
          <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={load} aria-label={t('refresh')} />
        </Space>
        <span className="cw-muted">{t('zone', { zone: data.timeZone })}</span>
      </div>
      <div className="cw-kpis">
        <Kpi label={t('kpi.released')} value={String(data.overall.released)} testId="kpi-released" />
        <Kpi label={t('kpi.avg')} value={m(data.overall.avgMinutes)} />
        <Kpi label={t('kpi.p50')} value={m(data.overall.p50Minutes)} />
        <Kpi label={t('kpi.p90')} value={m(data.overall.p90Minutes)} />
        <Kpi label={t('kpi.shift', { shift: t(`shift.${cs.shift}`) })} value={`${cs.released} · ${m(cs.avgReleaseMinutes)}`} />
        <Kpi label={t('kpi.open')} value={`${cs.open} · ${t('kpi.overdue', { count: cs.overdue })}`} />
      </div>
      <div className="cw-charts">
        <figure className="cw-chart">
          <figcaption>{t('chart.byLane')}</figcaption>
          <EChart option={laneOption} height={220} label={t('chart.byLane')} testId="chart-lane" />
          <Table
            size="small"
            pagination={false}
            rowKey="lane"
            dataSource={data.byLane}
            columns={[
              { title: t('col.lane'), dataIndex: 'lane', render: (l: 'green') => <LaneTag lane={l} /> },
              { title: t('col.released'), dataIndex: 'released', align: 'right' },
              { title: names[0], dataIndex: 'avgMinutes', align: 'right', render: m },
              { title: names[1], dataIndex: 'p50Minutes', align: 'right', render: m },
              { title: names[2], dataIndex: 'p90Minutes', align: 'right', render: m },
            ]}
          />
        </figure>
        <figure className="cw-chart">
          <figcaption>{t('chart.byShift')}</figcaption>
          <EChart option={shiftOption} height={220} label={t('chart.byShift')} testId="chart-shift" />
          <h4 className="cw-subhead">{t('stages.title')}</h4>
          <dl className="cw-facts">
            {(Object.keys(data.stages) as (keyof Dashboard['stages'])[]).map((k) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{t(`stages.${k}`)}</dt>
                <dd className="cw-num">
                  {m(data.stages[k])}
                  {k === 'arrivalToLodgement' && (data.stages[k] ?? 0) < 0 ? (
                    <span className="cw-muted"> · {t('stages.preArrival')}</span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </figure>
        <figure className="cw-chart cw-chart-wide">
          <figcaption>{t('chart.byDay')}</figcaption>
          <EChart option={dayOption} height={240} label={t('chart.byDay')} testId="chart-day" />
        </figure>
        <GateDecisionTimes days={days} dark={dark} />
      </div>
    </div>
  );
}
