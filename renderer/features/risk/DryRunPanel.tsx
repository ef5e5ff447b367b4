import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DryRunResult, Lane, RiskRuleDraft, WatchlistDraft } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSettings } from '../../app/settingsStore';
import { EChart } from '../dashboard/EChart';

const LANES: Lane[] = ['green', 'blue', 'yellow', 'red'];

/** What the candidate would have done to the last N days of declarations. */
export function DryRunPanel({
  rules,
  watchlists,
  disabled,
}: {
  rules: RiskRuleDraft[];
  watchlists: WatchlistDraft[];
  disabled: boolean;
}) {
  const { t } = useTranslation('risk');
  const { t: tq } = useTranslation('queue');
  const dark = useSettings((s) => s.settings.theme === 'dark');
  const [days, setDays] = useState(30);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      setResult(await clearway().invoke('cw:risk.dryRun', { rules, watchlists, days }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const option = useMemo((): EChartsCoreOption | null => {
    if (!result) return null;
    const text = { color: dark ? 'rgba(255,255,255,0.75)' : 'rgba(0,0,0,0.75)' };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: text },
      grid: { left: 48, right: 12, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: LANES.map((l) => tq(`lane.${l}.name`)), axisLabel: text },
      yAxis: { type: 'value', axisLabel: text },
      series: [
        {
          name: t('dryRun.before'),
          type: 'bar',
          data: LANES.map((l) => result.laneMixBefore[l]),
          itemStyle: { color: dark ? '#8c8c8c' : '#595959' },
        },
        {
          name: t('dryRun.after'),
          type: 'bar',
          data: LANES.map((l) => result.laneMixAfter[l]),
          itemStyle: { color: dark ? '#69b1ff' : '#0958d9' },
        },
      ],
    };
  }, [result, dark, t, tq]);

  return (
    <div className="cw-dryrun" data-testid="dry-run">
      <Space size={6} wrap>
        <label htmlFor="dry-days">{t('dryRun.days')}</label>
        <InputNumber id="dry-days" size="small" min={1} max={366} value={days} onChange={(v) => setDays(v ?? 30)} />
        <Button
          size="small"
          icon={<ExperimentOutlined aria-hidden />}
          loading={busy}
          disabled={disabled}
          onClick={() => void run()}
          data-testid="dry-run-button"
        >
          {t('dryRun.run')}
        </Button>
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={t('dryRun.failed')}
          description={describeError(error, t as never).message}
          style={{ marginTop: 8 }}
        />
      ) : null}
      {result && option ? (
        <div style={{ marginTop: 8 }} data-testid="dry-run-result">
          <p>
            {t('dryRun.summary', { subjects: result.subjects, changed: result.laneChanged, days })}{' '}
            {t('dryRun.random', { before: result.randomSelections.before, after: result.randomSelections.after })}
          </p>
          <EChart option={option} height={200} label={t('dryRun.chart')} testId="dry-run-chart" />
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.ruleId}-${r.ruleVersion}`}
            dataSource={result.ruleHits}
            columns={[
              { title: t('dryRun.rule'), dataIndex: 'ruleName' },
              { title: t('col.version'), dataIndex: 'ruleVersion', align: 'right' },
              { title: t('dryRun.hits'), dataIndex: 'declarations', align: 'right' },
            ]}
          />
          {result.watchlistHits.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="watchlistId"
              dataSource={result.watchlistHits}
              columns={[
                { title: t('dryRun.watchlist'), dataIndex: 'watchlistName' },
                { title: t('dryRun.hits'), dataIndex: 'declarations', align: 'right' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
