import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Switch, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Lane, RiskRuleDraft, type RiskConfig, type RiskRule } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import { checkDraft, newCondition, toDraft, type ConditionDraft } from './conditionDraft';
import { ConditionsEditor } from './ConditionsEditor';
import { DryRunPanel } from './DryRunPanel';
import { SaveOutcome } from './SaveOutcome';
import { useVersionedSave } from './useVersionedSave';

interface Form {
  id: string;
  name: string;
  description: string;
  lane: Lane;
  score: number;
  profileId: string | null;
  active: boolean;
  conditions: ConditionDraft[];
}

function formOf(rule: RiskRule | null): Form {
  if (!rule)
    return {
      id: '',
      name: '',
      description: '',
      lane: 'yellow',
      score: 20,
      profileId: null,
      active: true,
      conditions: [newCondition()],
    };
  return { ...rule, conditions: rule.conditions.map(toDraft) };
}

/** Turns the form into the draft the services take, or lists what is wrong. */
function draftOf(form: Form): { draft: RiskRuleDraft | null; problems: string[] } {
  const checks = form.conditions.map(checkDraft);
  const problems = checks.flatMap((c, i) => (c.ok ? [] : [`#${i + 1}: ${c.message}`]));
  const parsed = RiskRuleDraft.safeParse({ ...form, conditions: checks.map((c) => (c.ok ? c.condition : null)) });
  if (!parsed.success)
    problems.push(
      ...parsed.error.issues.filter((i) => i.path[0] !== 'conditions').map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return { draft: problems.length === 0 && parsed.success ? parsed.data : null, problems };
}

/** Edits one rule; the parent keys it by rule id and version, so a saved or reloaded rule starts a fresh form. */
export function RuleEditor({
  rule,
  config,
  onSaved,
}: {
  rule: RiskRule | null;
  config: RiskConfig;
  onSaved(rule: RiskRule): void;
}) {
  const { t } = useTranslation('risk');
  const { t: tq } = useTranslation('queue');
  const [form, setForm] = useState<Form>(() => formOf(rule));
  const [history, setHistory] = useState<RiskRule[] | null>(null);

  const { draft, problems } = useMemo(() => draftOf(form), [form]);
  const saver = useVersionedSave<RiskRule>({
    initial: rule,
    save: (expectedVersion) => clearway().invoke('cw:risk.saveRule', { rule: draft as RiskRuleDraft, expectedVersion }),
    latest: async () => (await clearway().invoke('cw:risk.config')).rules.find((r) => r.id === form.id),
    onSaved,
    onReloaded: (fresh) => setForm(formOf(fresh ?? null)),
  });
  const base = saver.current?.version ?? 0;
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <div className="cw-rule-editor" data-testid="rule-editor">
      <div className="cw-form-grid">
        <label htmlFor="rule-id">{t('rule.id')}</label>
        <Input
          id="rule-id"
          size="small"
          value={form.id}
          disabled={rule !== null}
          onChange={(e) => set({ id: e.target.value.trim() })}
          className="cw-mono"
        />
        <label htmlFor="rule-name">{t('rule.name')}</label>
        <Input id="rule-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor="rule-description">{t('rule.description')}</label>
        <Input.TextArea
          id="rule-description"
          rows={2}
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <label htmlFor="rule-lane">{t('rule.lane')}</label>
        <Select<Lane>
          id="rule-lane"
          size="small"
          value={form.lane}
          onChange={(lane) => set({ lane })}
          options={Lane.options.map((l) => ({ value: l, label: `${tq(`lane.${l}.name`)} · ${tq(`lane.${l}.meaning`)}` }))}
        />
        <label htmlFor="rule-score">{t('rule.score')}</label>
        <InputNumber
          id="rule-score"
          size="small"
          min={0}
          max={1000}
          value={form.score}
          onChange={(v) => set({ score: v ?? 0 })}
        />
        <label htmlFor="rule-profile">{t('rule.profile')}</label>
        <Select<string>
          id="rule-profile"
          size="small"
          value={form.profileId ?? ''}
          onChange={(p) => set({ profileId: p === '' ? null : p })}
          options={[
            { value: '', label: t('rule.noProfile') },
            ...config.profiles.map((p) => ({ value: p.id, label: `${p.name} (${p.validFrom} – ${p.validTo ?? '…'})` })),
          ]}
        />
        <label htmlFor="rule-active">{t('rule.active')}</label>
        <Switch id="rule-active" size="small" checked={form.active} onChange={(active) => set({ active })} />
      </div>
      <h3 className="cw-subhead">{t('rule.conditions')}</h3>
      <p className="cw-muted">{t('rule.conditionsHint')}</p>
      <ConditionsEditor value={form.conditions} onChange={(conditions) => set({ conditions })} />
      {problems.length > 0 && form.id && form.name ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('rule.problems')} description={problems.join(' · ')} />
      ) : null}
      <SaveOutcome saver={saver} testId="rule-conflict" />
      <Space style={{ marginTop: 10 }} wrap>
        <Button
          type="primary"
          size="small"
          icon={<SaveOutlined aria-hidden />}
          disabled={!draft}
          loading={saver.busy}
          onClick={() => void saver.save()}
          data-testid="rule-save"
        >
          {base === 0 ? t('rule.create') : t('rule.saveVersion', { version: base + 1 })}
        </Button>
        {rule ? (
          <Button
            size="small"
            icon={<HistoryOutlined aria-hidden />}
            onClick={() => void clearway().invoke('cw:risk.ruleHistory', { id: rule.id }).then(setHistory)}
            data-testid="rule-history-button"
          >
            {t('rule.history')}
          </Button>
        ) : null}
      </Space>
      {history ? (
        <Table<RiskRule>
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          rowKey="version"
          dataSource={[...history].reverse()}
          data-testid="rule-history"
          columns={[
            { title: t('col.version'), dataIndex: 'version', align: 'right', width: 70 },
            { title: t('col.author'), dataIndex: 'author' },
            {
              title: t('col.updated'),
              dataIndex: 'updatedAt',
              render: (v: string) => <span className="cw-num">{v.slice(0, 16).replace('T', ' ')}</span>,
            },
            { title: t('rule.lane'), dataIndex: 'lane', render: (l: Lane) => tq(`lane.${l}.name`) },
            { title: t('rule.score'), dataIndex: 'score', align: 'right' },
            {
              title: t('rule.active'),
              dataIndex: 'active',
              render: (a: boolean) => (a ? t('condition.yes') : t('condition.no')),
            },
          ]}
        />
      ) : null}
      <h3 className="cw-subhead">{t('dryRun.title')}</h3>
      <DryRunPanel rules={draft ? [draft] : []} watchlists={[]} disabled={!draft} />
    </div>
  );
}
