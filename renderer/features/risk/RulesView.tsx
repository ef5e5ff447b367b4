import { CheckCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Table, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskConfig, RiskProfile, RiskRule, Watchlist } from '../../../preload/contract/schemas/risk';
import { describeError } from '../../app/errors';
import { LaneTag } from '../queue/LaneTag';
import { useRiskConfig } from '../queue/useRiskConfig';
import { ProfileEditor } from './ProfileEditor';
import { RandomSelectionEditor } from './RandomSelectionEditor';
import { RuleEditor } from './RuleEditor';
import './rules.css';
import { WatchlistEditor } from './WatchlistEditor';

/** Supervisors' selectivity editor: rules, watchlists, profiles and random selection, each save a new audited version. */
export function RulesView() {
  const { t } = useTranslation('risk');
  const config = useRiskConfig((s) => s.config);
  const [error, setError] = useState<unknown>(null);
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [watchlistId, setWatchlistId] = useState<string | null>(null);
  const [profileId, setProfileId] = useState<string | null>(null);
  const reload = useCallback(() => {
    useRiskConfig
      .getState()
      .load()
      .then(
        () => setError(null),
        (e: unknown) => setError(e),
      );
  }, []);
  useEffect(reload, [reload]);

  if (error)
    return <Alert type="error" showIcon message={t('loadFailed')} description={describeError(error, t as never).message} />;
  if (!config) return <Spin />;

  const rule = ruleId === null || ruleId === '' ? null : (config.rules.find((r) => r.id === ruleId) ?? null);
  const profile = profileId === null || profileId === '' ? null : (config.profiles.find((p) => p.id === profileId) ?? null);
  const rulesByProfile = countRulesByProfile(config);
  const watchlist =
    watchlistId === null || watchlistId === '' ? null : (config.watchlists.find((w) => w.id === watchlistId) ?? null);

  return (
    <div className="cw-rules" data-testid="rules">
      <Tabs
        size="small"
        items={[
          {
            key: 'rules',
            label: t('tabs.rules', { count: config.rules.length }),
            children: (
              <div className="cw-rules-split">
                <RuleList config={config} selected={ruleId} onSelect={setRuleId} />
                <div className="cw-rules-editor-pane">
                  {ruleId === null ? (
                    <p className="cw-muted">{t('pick')}</p>
                  ) : (
                    <RuleEditor
                      key={`${ruleId}-${rule?.version ?? 0}`}
                      rule={rule}
                      config={config}
                      onSaved={(r) => {
                        setRuleId(r.id);
                        reload();
                      }}
                    />
                  )}
                </div>
              </div>
            ),
          },
          {
            key: 'watchlists',
            label: t('tabs.watchlists', { count: config.watchlists.length }),
            children: (
              <div className="cw-rules-split">
                <WatchlistList config={config} selected={watchlistId} onSelect={setWatchlistId} />
                <div className="cw-rules-editor-pane">
                  {watchlistId === null ? (
                    <p className="cw-muted">{t('pickWatchlist')}</p>
                  ) : (
                    <WatchlistEditor
                      key={`${watchlistId}-${watchlist?.version ?? 0}`}
                      watchlist={watchlist}
                      config={config}
                      onSaved={(w) => {
                        setWatchlistId(w.id);
                        reload();
                      }}
                    />
                  )}
                </div>
              </div>
            ),
          },
          {
            key: 'profiles',
            label: t('tabs.profiles', { count: config.profiles.length }),
            children: (
              <div className="cw-rules-split">
                <ProfileList config={config} ruleCounts={rulesByProfile} selected={profileId} onSelect={setProfileId} />
                <div className="cw-rules-editor-pane">
                  {profileId === null ? (
                    <p className="cw-muted">{t('pickProfile')}</p>
                  ) : (
                    <ProfileEditor
                      key={`${profileId}-${profile?.version ?? 0}`}
                      profile={profile}
                      ruleCount={rulesByProfile.get(profileId) ?? 0}
                      onSaved={(p) => {
                        setProfileId(p.id);
                        reload();
                      }}
                    />
                  )}
                </div>
              </div>
            ),
          },
          {
            key: 'random',
            label: t('tabs.random'),
            children: (
              <div className="cw-rules-editor-pane cw-random-pane">
                <RandomSelectionEditor key={config.randomSelection.version} selection={config.randomSelection} onSaved={reload} />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

function countRulesByProfile(config: RiskConfig): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of config.rules) if (rule.profileId !== null) counts.set(rule.profileId, (counts.get(rule.profileId) ?? 0) + 1);
  return counts;
}

function ProfileList({
  config,
  ruleCounts,
  selected,
  onSelect,
}: {
  config: RiskConfig;
  ruleCounts: Map<string, number>;
  selected: string | null;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation('risk');
  return (
    <div className="cw-rules-list">
      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onSelect('')} data-testid="profile-new">
        {t('profile.new')}
      </Button>
      <Table<RiskProfile>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={config.profiles}
        data-testid="profile-list"
        locale={{ emptyText: t('profile.none') }}
        rowClassName={(p) => (p.id === selected ? 'cw-row-active' : '')}
        onRow={(p) => ({ onClick: () => onSelect(p.id), onKeyDown: (e) => e.key === 'Enter' && onSelect(p.id), tabIndex: 0 })}
        columns={[
          { title: t('profile.name'), dataIndex: 'name', ellipsis: true },
          {
            title: t('profile.validity'),
            key: 'validity',
            width: 190,
            render: (_: unknown, p) => <span className="cw-num">{`${p.validFrom} – ${p.validTo ?? t('profile.noEnd')}`}</span>,
          },
          {
            title: t('rule.active'),
            dataIndex: 'active',
            width: 84,
            render: (a: boolean) =>
              a ? (
                <span>
                  <CheckCircleOutlined aria-hidden /> {t('condition.yes')}
                </span>
              ) : (
                <span>
                  <MinusCircleOutlined aria-hidden /> {t('condition.no')}
                </span>
              ),
          },
          {
            title: t('profile.rules'),
            key: 'rules',
            width: 64,
            align: 'right',
            render: (_: unknown, p) => <span className="cw-num">{ruleCounts.get(p.id) ?? 0}</span>,
          },
          { title: t('col.version'), dataIndex: 'version', width: 56, align: 'right' },
        ]}
      />
    </div>
  );
}

function RuleList({ config, selected, onSelect }: { config: RiskConfig; selected: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation('risk');
  const profiles = new Map(config.profiles.map((p) => [p.id, p.name]));
  return (
    <div className="cw-rules-list">
      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onSelect('')} data-testid="rule-new">
        {t('rule.new')}
      </Button>
      <Table<RiskRule>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 520 }}
        dataSource={config.rules}
        data-testid="rule-list"
        rowClassName={(r) => (r.id === selected ? 'cw-row-active' : '')}
        onRow={(r) => ({ onClick: () => onSelect(r.id), onKeyDown: (e) => e.key === 'Enter' && onSelect(r.id), tabIndex: 0 })}
        columns={[
          {
            title: t('rule.name'),
            dataIndex: 'name',
            ellipsis: true,
            render: (n: string, r) => (r.active ? n : `${n} · ${t('rule.inactive')}`),
          },
          { title: t('rule.lane'), dataIndex: 'lane', width: 92, render: (l: RiskRule['lane']) => <LaneTag lane={l} /> },
          { title: t('rule.score'), dataIndex: 'score', width: 60, align: 'right' },
          { title: t('col.version'), dataIndex: 'version', width: 56, align: 'right' },
          {
            title: t('rule.profile'),
            dataIndex: 'profileId',
            width: 140,
            ellipsis: true,
            render: (p: string | null) => (p ? (profiles.get(p) ?? p) : '–'),
          },
        ]}
      />
    </div>
  );
}

function WatchlistList({
  config,
  selected,
  onSelect,
}: {
  config: RiskConfig;
  selected: string | null;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation('risk');
  return (
    <div className="cw-rules-list">
      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onSelect('')}>
        {t('watchlist.new')}
      </Button>
      <Table<Watchlist>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={config.watchlists}
        rowClassName={(w) => (w.id === selected ? 'cw-row-active' : '')}
        onRow={(w) => ({ onClick: () => onSelect(w.id), onKeyDown: (e) => e.key === 'Enter' && onSelect(w.id), tabIndex: 0 })}
        columns={[
          { title: t('rule.name'), dataIndex: 'name', ellipsis: true },
          { title: t('watchlist.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`watchlist.kinds.${k}`) },
          { title: t('rule.lane'), dataIndex: 'lane', width: 92, render: (l: Watchlist['lane']) => <LaneTag lane={l} /> },
          { title: t('watchlist.count'), key: 'n', width: 64, align: 'right', render: (_: unknown, w) => w.entries.length },
          { title: t('col.version'), dataIndex: 'version', width: 56, align: 'right' },
        ]}
      />
    </div>
  );
}
