import { ExclamationCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskProfileDraft, type RiskProfile } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import { SaveOutcome } from './SaveOutcome';
import { useVersionedSave } from './useVersionedSave';

interface Form {
  id: string;
  name: string;
  description: string;
  validFrom: string;
  /** '' = open-ended. */
  validTo: string;
  active: boolean;
}

function formOf(profile: RiskProfile | null, today: string): Form {
  if (!profile) return { id: '', name: '', description: '', validFrom: today, validTo: '', active: true };
  return { ...profile, validTo: profile.validTo ?? '' };
}

/** Today as an ISO calendar date in the officer's local time, the default start of a new profile. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Edits one risk profile; the parent keys it by id and version, so a saved or reloaded profile starts a fresh form. */
export function ProfileEditor({
  profile,
  ruleCount,
  onSaved,
}: {
  profile: RiskProfile | null;
  ruleCount: number;
  onSaved(profile: RiskProfile): void;
}) {
  const { t } = useTranslation('risk');
  const [form, setForm] = useState<Form>(() => formOf(profile, localToday()));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  // ISO dates compare correctly as text; the schema checks the same, this names it for the officer.
  const validityReversed = form.validFrom !== '' && form.validTo !== '' && form.validTo < form.validFrom;
  const parsed = useMemo(
    () => RiskProfileDraft.safeParse({ ...form, validTo: form.validTo === '' ? null : form.validTo }),
    [form],
  );
  const draft = parsed.success ? parsed.data : null;
  const problems = parsed.success
    ? []
    : parsed.error.issues
        .filter((i) => i.path[0] !== 'validTo' || !validityReversed)
        .map((i) => `${i.path.join('.')}: ${i.message}`);
  const saver = useVersionedSave<RiskProfile>({
    initial: profile,
    save: (expectedVersion) => clearway().invoke('cw:risk.saveProfile', { profile: draft as RiskProfileDraft, expectedVersion }),
    latest: async () => (await clearway().invoke('cw:risk.config')).profiles.find((p) => p.id === form.id),
    onSaved,
    onReloaded: (fresh) => setForm(formOf(fresh ?? null, localToday())),
  });
  const base = saver.current?.version ?? 0;

  return (
    <div className="cw-rule-editor" data-testid="profile-editor">
      <div className="cw-form-grid">
        <label htmlFor="profile-id">{t('rule.id')}</label>
        <Input
          id="profile-id"
          size="small"
          className="cw-mono"
          value={form.id}
          disabled={profile !== null}
          onChange={(e) => set({ id: e.target.value.trim() })}
        />
        <label htmlFor="profile-name">{t('profile.name')}</label>
        <Input id="profile-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor="profile-description">{t('profile.description')}</label>
        <Input.TextArea
          id="profile-description"
          rows={2}
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <label htmlFor="profile-valid-from">{t('profile.validFrom')}</label>
        <Input
          id="profile-valid-from"
          size="small"
          type="date"
          className="cw-date-input"
          value={form.validFrom}
          onChange={(e) => set({ validFrom: e.target.value })}
        />
        <label htmlFor="profile-valid-to">{t('profile.validTo')}</label>
        <div>
          <Input
            id="profile-valid-to"
            size="small"
            type="date"
            className="cw-date-input"
            value={form.validTo}
            status={validityReversed ? 'error' : undefined}
            aria-invalid={validityReversed}
            aria-describedby="profile-valid-to-hint"
            onChange={(e) => set({ validTo: e.target.value })}
          />
          <div
            id="profile-valid-to-hint"
            className={validityReversed ? 'cw-condition-error cw-hint' : 'cw-muted cw-hint'}
            data-testid="profile-validity-hint"
          >
            {validityReversed ? (
              <>
                <ExclamationCircleOutlined aria-hidden />{' '}
                {t('profile.validityReversed', { from: form.validFrom, to: form.validTo })}
              </>
            ) : (
              t('profile.openEnded')
            )}
          </div>
        </div>
        <label htmlFor="profile-active">{t('rule.active')}</label>
        <Switch id="profile-active" size="small" checked={form.active} onChange={(active) => set({ active })} />
        <span className="cw-form-label">{t('profile.usedBy')}</span>
        <span className="cw-num" data-testid="profile-rule-count">
          {t('profile.ruleCount', { count: ruleCount })}
        </span>
      </div>
      {problems.length > 0 && form.id && form.name ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('rule.problems')} description={problems.join(' · ')} />
      ) : null}
      <SaveOutcome saver={saver} testId="profile-conflict" />
      <Space style={{ marginTop: 10 }}>
        <Button
          type="primary"
          size="small"
          icon={<SaveOutlined aria-hidden />}
          disabled={!draft}
          loading={saver.busy}
          onClick={() => void saver.save()}
          data-testid="profile-save"
        >
          {base === 0 ? t('profile.create') : t('rule.saveVersion', { version: base + 1 })}
        </Button>
      </Space>
    </div>
  );
}
