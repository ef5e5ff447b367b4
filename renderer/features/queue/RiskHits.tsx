import { AimOutlined, EyeOutlined, FunctionOutlined } from '@ant-design/icons';
import { Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationDetail, PriorDispositions } from '../../../preload/contract/schemas/queue';
import type { ConditionMatch, Hit } from '../../../preload/contract/schemas/risk';
import { LaneTag } from './LaneTag';
import { formatNumber } from './format';
import { useRiskConfig } from './useRiskConfig';

function hitKey(hit: Hit): string {
  if (hit.kind === 'rule') return `rule:${hit.ruleId}`;
  if (hit.kind === 'watchlist') return `watchlist:${hit.watchlistId}`;
  return 'random';
}

function Prior({ prior }: { prior: PriorDispositions | undefined }) {
  const { t } = useTranslation('queue');
  if (!prior || prior.declarations === 0) return <div className="cw-muted cw-prior">{t('hits.noPrior')}</div>;
  const c = prior.counts;
  return (
    <div className="cw-prior" data-testid="prior-dispositions">
      {t('hits.prior', { count: prior.declarations })}{' '}
      <span className="cw-num">
        {t('decision.release')} {c.release} · {t('decision.hold')} {c.hold} · {t('decision.requestDocuments')}{' '}
        {c.requestDocuments} · {t('decision.sendToInspection')} {c.sendToInspection}
      </span>
    </div>
  );
}

function actualText(value: ConditionMatch['actual']): string {
  if (value === null) return '–';
  return String(value);
}

/** Every hit with why: rule, field, operator, expected vs actual, profile, version; and what was decided before. */
export function RiskHits({ detail }: { detail: DeclarationDetail }) {
  const { t, i18n } = useTranslation('queue');
  const config = useRiskConfig((s) => s.config);
  useEffect(() => {
    if (!useRiskConfig.getState().config)
      void useRiskConfig
        .getState()
        .load()
        .catch(() => undefined);
  }, []);
  const profileName = (id: string | null) =>
    id === null ? t('hits.noProfile') : (config?.profiles.find((p) => p.id === id)?.name ?? id);
  const prior = new Map(detail.priorDispositions.map((p) => [p.hitKey, p]));
  const { hits } = detail.assessment;
  if (hits.length === 0) return <p className="cw-muted">{t('hits.none')}</p>;

  return (
    <ol className="cw-hits" data-testid="risk-hits">
      {hits.map((hit, i) => (
        <li key={`${hitKey(hit)}-${i}`} className="cw-hit">
          <div className="cw-hit-head">
            {hit.kind === 'rule' ? (
              <FunctionOutlined aria-hidden />
            ) : hit.kind === 'watchlist' ? (
              <EyeOutlined aria-hidden />
            ) : (
              <AimOutlined aria-hidden />
            )}
            <strong>
              {hit.kind === 'rule'
                ? `${t('hits.rule')} ${hit.ruleName}`
                : hit.kind === 'watchlist'
                  ? `${t('hits.watchlist')} ${hit.watchlistName}`
                  : t('hits.random')}
            </strong>
            <LaneTag lane={hit.lane} />
            <span className="cw-num">{t('hits.score', { score: hit.score })}</span>
          </div>
          <div className="cw-hit-meta">
            {hit.kind === 'rule' ? t('hits.version', { version: hit.ruleVersion }) : null}
            {hit.kind === 'watchlist' ? t('hits.version', { version: hit.watchlistVersion }) : null}
            {hit.kind === 'random' ? t('hits.version', { version: hit.randomSelectionVersion }) : null}
            {hit.kind !== 'random' ? ` · ${t('hits.profile')}: ${profileName(hit.profileId)}` : null}
          </div>
          {hit.kind === 'rule' ? (
            <Table<ConditionMatch>
              size="small"
              pagination={false}
              rowKey={(m) => `${m.field}-${m.op}-${m.itemSequence ?? ''}`}
              dataSource={hit.matches}
              columns={[
                { title: t('hits.field'), dataIndex: 'field', render: (f: string) => t(`field.${f}`) },
                { title: t('hits.operator'), dataIndex: 'op', render: (op: string) => t(`op.${op}`) },
                { title: t('hits.expected'), dataIndex: 'expected', render: (v: string) => <span className="cw-mono">{v}</span> },
                {
                  title: t('hits.actual'),
                  dataIndex: 'actual',
                  render: (v: ConditionMatch['actual']) => <span className="cw-mono">{actualText(v)}</span>,
                },
                {
                  title: t('hits.item'),
                  dataIndex: 'itemSequence',
                  align: 'right',
                  render: (s?: number) => (s === undefined ? '–' : s),
                },
              ]}
            />
          ) : null}
          {hit.kind === 'watchlist' ? (
            <p className="cw-hit-text">
              {t('hits.watchlistMatch', {
                field: hit.matchedField,
                value: hit.matchedValue,
                entry: hit.entryValue,
                similarity: formatNumber(hit.similarity * 100, i18n.language, 0),
              })}{' '}
              {t('hits.reason')}: {hit.reason}
            </p>
          ) : null}
          {hit.kind === 'random' ? (
            <p className="cw-hit-text">
              {t('hits.randomMatch', {
                office: hit.office,
                rate: formatNumber(hit.rateApplied * 100, i18n.language, 1),
                expected: formatNumber(hit.expectedRate * 100, i18n.language, 1),
              })}
              {hit.aeo && hit.aeoReductionFactor !== null ? ` ${t('hits.aeoReduced', { factor: hit.aeoReductionFactor })}` : ''}
            </p>
          ) : null}
          <Prior prior={prior.get(hitKey(hit))} />
        </li>
      ))}
    </ol>
  );
}
