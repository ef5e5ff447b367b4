import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_FIELDS, type RiskField } from '../../../preload/contract/schemas/risk';
import { checkDraft, newCondition, operatorsFor, type ConditionDraft } from './conditionDraft';

const fields = Object.keys(RISK_FIELDS) as RiskField[];

/** All conditions of a rule; each line: field, operator, value; errors shown per line. */
export function ConditionsEditor({ value, onChange }: { value: ConditionDraft[]; onChange(next: ConditionDraft[]): void }) {
  const { t } = useTranslation('risk');
  const { t: tq } = useTranslation('queue');
  const update = (i: number, patch: Partial<ConditionDraft>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <div className="cw-conditions" data-testid="conditions">
      {value.map((c, i) => {
        const check = checkDraft(c);
        const kind = RISK_FIELDS[c.field].kind;
        const label = (what: string) => `${what} ${i + 1}`;
        return (
          <div key={i} className="cw-condition">
            <Select<RiskField>
              size="small"
              style={{ width: 170 }}
              aria-label={label(t('condition.field'))}
              value={c.field}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(field) => {
                const ops = operatorsFor(field);
                update(i, {
                  field,
                  op: ops.includes(c.op) ? c.op : (ops[0] ?? 'eq'),
                  text: RISK_FIELDS[field].kind === 'flag' ? 'true' : c.text,
                });
              }}
              options={fields.map((f) => ({ value: f, label: tq(`field.${f}`) }))}
            />
            <Select
              size="small"
              style={{ width: 110 }}
              aria-label={label(t('condition.operator'))}
              value={c.op}
              onChange={(op) => update(i, { op })}
              options={operatorsFor(c.field).map((op) => ({ value: op, label: tq(`op.${op}`) }))}
            />
            {c.op === 'range' ? (
              <>
                <Input
                  size="small"
                  style={{ width: 90 }}
                  aria-label={label(t('condition.min'))}
                  placeholder={t('condition.min')}
                  value={c.min}
                  onChange={(e) => update(i, { min: e.target.value })}
                />
                <Input
                  size="small"
                  style={{ width: 90 }}
                  aria-label={label(t('condition.max'))}
                  placeholder={t('condition.max')}
                  value={c.max}
                  onChange={(e) => update(i, { max: e.target.value })}
                />
              </>
            ) : kind === 'flag' ? (
              <Select
                size="small"
                style={{ width: 100 }}
                aria-label={label(t('condition.value'))}
                value={c.text === 'false' ? 'false' : 'true'}
                onChange={(text) => update(i, { text })}
                options={[
                  { value: 'true', label: t('condition.yes') },
                  { value: 'false', label: t('condition.no') },
                ]}
              />
            ) : (
              <Input
                size="small"
                style={{ flex: 1, minWidth: 140 }}
                aria-label={label(t('condition.value'))}
                placeholder={
                  c.op === 'in' ? t('condition.listHint') : c.op === 'regex' ? t('condition.regexHint') : t('condition.value')
                }
                value={c.text}
                onChange={(e) => update(i, { text: e.target.value })}
                className="cw-mono"
              />
            )}
            {c.op === 'regex' ? (
              <Checkbox checked={c.ignoreCase} onChange={(e) => update(i, { ignoreCase: e.target.checked })}>
                {t('condition.ignoreCase')}
              </Checkbox>
            ) : null}
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={label(t('condition.remove'))}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            />
            {!check.ok ? (
              <div className="cw-condition-error" role="alert">
                {check.message}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined aria-hidden />}
        onClick={() => onChange([...value, newCondition()])}
        disabled={value.length >= 20}
      >
        {t('condition.add')}
      </Button>
    </div>
  );
}
