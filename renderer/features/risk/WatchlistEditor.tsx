import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Lane,
  Watchlist,
  WatchlistDraft,
  WatchlistKind,
  type RiskConfig,
  type WatchlistEntry,
} from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import { DryRunPanel } from './DryRunPanel';
import { SaveOutcome } from './SaveOutcome';
import { useVersionedSave } from './useVersionedSave';

type Form = Omit<WatchlistDraft, 'similarityThreshold'> & { similarityThreshold: number; entries: WatchlistEntry[] };

function formOf(w: Watchlist | null): Form {
  if (!w)
    return {
      id: '',
      name: '',
      kind: 'trader',
      lane: 'yellow',
      score: 30,
      profileId: null,
      similarityThreshold: 0.9,
      entries: [],
      active: true,
    };
  return { ...w };
}

let entrySeq = 0;
const entryId = () => `e${Date.now().toString(36)}${(entrySeq++).toString(36)}`;

export function WatchlistEditor({
  watchlist,
  config,
  onSaved,
}: {
  watchlist: Watchlist | null;
  config: RiskConfig;
  onSaved(w: Watchlist): void;
}) {
  const { t } = useTranslation('risk');
  const { t: tq } = useTranslation('queue');
  const [form, setForm] = useState<Form>(() => formOf(watchlist));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const setEntry = (i: number, patch: Partial<WatchlistEntry>) =>
    set({ entries: form.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) });

  const parsed = useMemo(
    () => WatchlistDraft.safeParse({ ...form, entries: form.entries.map((e) => ({ ...e, traderId: e.traderId || undefined })) }),
    [form],
  );
  const draft = parsed.success ? parsed.data : null;
  const saver = useVersionedSave<Watchlist>({
    initial: watchlist,
    save: (expectedVersion) =>
      clearway().invoke('cw:risk.saveWatchlist', { watchlist: draft as WatchlistDraft, expectedVersion }),
    latest: async () => (await clearway().invoke('cw:risk.config')).watchlists.find((w) => w.id === form.id),
    onSaved,
    onReloaded: (fresh) => setForm(formOf(fresh ?? null)),
  });
  const base = saver.current?.version ?? 0;

  return (
    <div className="cw-rule-editor" data-testid="watchlist-editor">
      <div className="cw-form-grid">
        <label htmlFor="wl-id">{t('rule.id')}</label>
        <Input
          id="wl-id"
          size="small"
          className="cw-mono"
          value={form.id}
          disabled={watchlist !== null}
          onChange={(e) => set({ id: e.target.value.trim() })}
        />
        <label htmlFor="wl-name">{t('rule.name')}</label>
        <Input id="wl-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor="wl-kind">{t('watchlist.kind')}</label>
        <Select
          id="wl-kind"
          size="small"
          value={form.kind}
          onChange={(kind) => set({ kind })}
          options={WatchlistKind.options.map((k) => ({ value: k, label: t(`watchlist.kinds.${k}`) }))}
        />
        <label htmlFor="wl-lane">{t('rule.lane')}</label>
        <Select<Lane>
          id="wl-lane"
          size="small"
          value={form.lane}
          onChange={(lane) => set({ lane })}
          options={Lane.options.map((l) => ({ value: l, label: tq(`lane.${l}.name`) }))}
        />
        <label htmlFor="wl-score">{t('rule.score')}</label>
        <InputNumber id="wl-score" size="small" min={0} max={1000} value={form.score} onChange={(v) => set({ score: v ?? 0 })} />
        <label htmlFor="wl-profile">{t('rule.profile')}</label>
        <Select<string>
          id="wl-profile"
          size="small"
          value={form.profileId ?? ''}
          onChange={(p) => set({ profileId: p === '' ? null : p })}
          options={[{ value: '', label: t('rule.noProfile') }, ...config.profiles.map((p) => ({ value: p.id, label: p.name }))]}
        />
        {form.kind === 'trader' ? (
          <>
            <label htmlFor="wl-threshold">{t('watchlist.threshold')}</label>
            <InputNumber
              id="wl-threshold"
              size="small"
              min={0.5}
              max={1}
              step={0.01}
              value={form.similarityThreshold}
              onChange={(v) => set({ similarityThreshold: v ?? 0.9 })}
            />
          </>
        ) : null}
        <label htmlFor="wl-active">{t('rule.active')}</label>
        <Switch id="wl-active" size="small" checked={form.active} onChange={(active) => set({ active })} />
      </div>
      <h3 className="cw-subhead">{t('watchlist.entries', { count: form.entries.length })}</h3>
      <div className="cw-conditions">
        {form.entries.slice(0, 300).map((e, i) => (
          <div key={e.id} className="cw-condition">
            <Input
              size="small"
              style={{ flex: 1 }}
              aria-label={`${t('watchlist.value')} ${i + 1}`}
              placeholder={t('watchlist.value')}
              value={e.value}
              onChange={(ev) => setEntry(i, { value: ev.target.value })}
            />
            {form.kind === 'trader' ? (
              <Input
                size="small"
                style={{ width: 150 }}
                aria-label={`${t('watchlist.traderId')} ${i + 1}`}
                placeholder={t('watchlist.traderId')}
                value={e.traderId ?? ''}
                onChange={(ev) => setEntry(i, { traderId: ev.target.value })}
              />
            ) : null}
            <Input
              size="small"
              style={{ flex: 1 }}
              aria-label={`${t('watchlist.reason')} ${i + 1}`}
              placeholder={t('watchlist.reason')}
              value={e.reason}
              onChange={(ev) => setEntry(i, { reason: ev.target.value })}
            />
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`${t('condition.remove')} ${i + 1}`}
              onClick={() => set({ entries: form.entries.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        {form.entries.length > 300 ? (
          <p className="cw-muted">{t('watchlist.more', { count: form.entries.length - 300 })}</p>
        ) : null}
        <Button
          size="small"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => set({ entries: [...form.entries, { id: entryId(), value: '', reason: '' }] })}
        >
          {t('watchlist.add')}
        </Button>
      </div>
      {!parsed.success && form.id && form.name ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('rule.problems')}
          description={parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' · ')}
        />
      ) : null}
      <SaveOutcome saver={saver} />
      <Space style={{ marginTop: 10 }}>
        <Button
          type="primary"
          size="small"
          icon={<SaveOutlined aria-hidden />}
          disabled={!draft}
          loading={saver.busy}
          onClick={() => void saver.save()}
        >
          {base === 0 ? t('rule.create') : t('rule.saveVersion', { version: base + 1 })}
        </Button>
      </Space>
      <h3 className="cw-subhead">{t('dryRun.title')}</h3>
      <DryRunPanel rules={[]} watchlists={draft ? [draft] : []} disabled={!draft} />
    </div>
  );
}
