import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Lane, type RandomSelection, type RandomSelectionDraft } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import {
  draftOf,
  formOf,
  newRowKey,
  OFFICE_CODE_MAX,
  type FormProblem,
  type OfficeRow,
  type RandomSelectionForm,
} from './randomSelectionForm';
import { SaveOutcome } from './SaveOutcome';
import { useVersionedSave } from './useVersionedSave';

/** Random selection per office (one document); the parent keys it by version, so a save starts a fresh form. */
export function RandomSelectionEditor({
  selection,
  onSaved,
}: {
  selection: RandomSelection;
  onSaved(selection: RandomSelection): void;
}) {
  const { t } = useTranslation('risk');
  const { t: tq } = useTranslation('queue');
  const [form, setForm] = useState<RandomSelectionForm>(() => formOf(selection));
  const set = (patch: Partial<RandomSelectionForm>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (key: string, patch: Partial<OfficeRow>) =>
    set({ offices: form.offices.map((o) => (o.key === key ? { ...o, ...patch } : o)) });

  const { draft, problems } = useMemo(() => draftOf(form), [form]);
  const problemRows = new Set(problems.map((p) => p.row).filter((r) => r !== undefined));
  const saver = useVersionedSave<RandomSelection>({
    initial: selection,
    save: (expectedVersion) =>
      clearway().invoke('cw:risk.saveRandomSelection', { randomSelection: draft as RandomSelectionDraft, expectedVersion }),
    latest: async () => (await clearway().invoke('cw:risk.config')).randomSelection,
    onSaved,
    onReloaded: (fresh) => {
      if (fresh) setForm(formOf(fresh));
    },
  });
  // The version this form started from, with who saved it and when.
  const shown = saver.current ?? selection;
  const base = shown.version;
  const describe = (p: FormProblem) => {
    const place = p.row === undefined ? t('random.defaults') : t('random.row', { row: p.row });
    const field = p.field ? ` · ${t(`random.${p.field}`)}` : '';
    return `${place}${field}: ${t(p.key, p.values)}`;
  };
  const pct = (id: string, label: string, value: number | null, onChange: (v: number | null) => void) => (
    <InputNumber<number>
      id={id}
      aria-label={label}
      size="small"
      className="cw-num cw-rate-input"
      min={0}
      max={100}
      step={0.1}
      suffix="%"
      value={value}
      onChange={(v) => onChange(v ?? null)}
    />
  );

  return (
    <div className="cw-rule-editor" data-testid="random-editor">
      <p className="cw-muted cw-saved-by" data-testid="random-version">
        {t('random.savedBy', {
          version: shown.version,
          author: shown.author,
          at: dayjs(shown.updatedAt).format('YYYY-MM-DD HH:mm'),
        })}
      </p>
      <p className="cw-muted cw-hint">{t('random.hint')}</p>
      <div className="cw-form-grid">
        <label htmlFor="random-default-expected">{t('random.defaultExpected')}</label>
        {pct('random-default-expected', t('random.defaultExpected'), form.defaultExpectedPct, (v) =>
          set({ defaultExpectedPct: v }),
        )}
        <label htmlFor="random-default-minimum">{t('random.defaultMinimum')}</label>
        {pct('random-default-minimum', t('random.defaultMinimum'), form.defaultMinimumPct, (v) => set({ defaultMinimumPct: v }))}
        <label htmlFor="random-aeo">{t('random.aeoFactor')}</label>
        <div>
          <InputNumber<number>
            id="random-aeo"
            size="small"
            className="cw-num cw-rate-input"
            min={0}
            max={1}
            step={0.05}
            value={form.aeoReductionFactor}
            aria-describedby="random-aeo-hint"
            onChange={(v) => set({ aeoReductionFactor: v ?? null })}
          />
          <div id="random-aeo-hint" className="cw-muted cw-hint">
            {t('random.aeoHint')}
          </div>
        </div>
        <label htmlFor="random-lane">{t('rule.lane')}</label>
        <Select<Lane>
          id="random-lane"
          size="small"
          style={{ maxWidth: 320 }}
          value={form.lane}
          onChange={(lane) => set({ lane })}
          options={Lane.options.map((l) => ({ value: l, label: `${tq(`lane.${l}.name`)} · ${tq(`lane.${l}.meaning`)}` }))}
        />
        <label htmlFor="random-score">{t('rule.score')}</label>
        <InputNumber<number>
          id="random-score"
          size="small"
          className="cw-num"
          min={0}
          max={1000}
          precision={0}
          value={form.score}
          onChange={(v) => set({ score: v ?? null })}
        />
      </div>
      <h3 className="cw-subhead">{t('random.offices', { count: form.offices.length })}</h3>
      <Table<OfficeRow>
        size="small"
        rowKey="key"
        pagination={false}
        className="cw-office-rates"
        dataSource={form.offices}
        data-testid="random-offices"
        locale={{ emptyText: t('random.noOffices') }}
        columns={[
          {
            title: t('random.office'),
            dataIndex: 'office',
            width: 220,
            render: (_: unknown, row, i) => (
              <Input
                size="small"
                className="cw-mono"
                maxLength={OFFICE_CODE_MAX}
                aria-label={t('random.officeOfRow', { row: i + 1 })}
                status={problemRows.has(i + 1) && row.office.trim() === '' ? 'error' : undefined}
                value={row.office}
                onChange={(e) => setRow(row.key, { office: e.target.value.toUpperCase() })}
              />
            ),
          },
          {
            title: t('random.expected'),
            dataIndex: 'expectedPct',
            width: 140,
            align: 'right',
            render: (_: unknown, row, i) =>
              pct(`random-office-${row.key}-expected`, t('random.expectedOfRow', { row: i + 1 }), row.expectedPct, (v) =>
                setRow(row.key, { expectedPct: v }),
              ),
          },
          {
            title: t('random.minimum'),
            dataIndex: 'minimumPct',
            width: 140,
            align: 'right',
            render: (_: unknown, row, i) =>
              pct(`random-office-${row.key}-minimum`, t('random.minimumOfRow', { row: i + 1 }), row.minimumPct, (v) =>
                setRow(row.key, { minimumPct: v }),
              ),
          },
          {
            title: <span className="cw-visually-hidden">{t('random.removeColumn')}</span>,
            key: 'remove',
            width: 44,
            render: (_: unknown, row, i) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('random.removeRow', { row: i + 1 })}
                onClick={() => set({ offices: form.offices.filter((o) => o.key !== row.key) })}
              />
            ),
          },
        ]}
      />
      <div style={{ marginTop: 6 }}>
        <Button
          size="small"
          icon={<PlusOutlined aria-hidden />}
          data-testid="random-add-office"
          onClick={() =>
            set({
              offices: [
                ...form.offices,
                { key: newRowKey(), office: '', expectedPct: form.defaultExpectedPct, minimumPct: form.defaultMinimumPct },
              ],
            })
          }
        >
          {t('random.addOffice')}
        </Button>
      </div>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="random-problems"
          message={t('rule.problems')}
          description={
            <ul className="cw-problem-list">
              {problems.map((p) => (
                <li key={describe(p)}>{describe(p)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <SaveOutcome saver={saver} testId="random-conflict" />
      <Space style={{ marginTop: 10, display: 'flex' }}>
        <Button
          type="primary"
          size="small"
          icon={<SaveOutlined aria-hidden />}
          disabled={!draft}
          loading={saver.busy}
          onClick={() => void saver.save()}
          data-testid="random-save"
        >
          {t('rule.saveVersion', { version: base + 1 })}
        </Button>
      </Space>
    </div>
  );
}
