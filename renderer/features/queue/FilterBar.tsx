import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeclarationStatus, FINAL_STATUSES, OPEN_STATUSES } from '../../../preload/contract/schemas/queue';
import { Lane } from '../../../preload/contract/schemas/risk';
import { hsSearchPrefix } from './logic/hsCode';
import { DEFAULT_FILTER, useQueue } from './queueStore';
import { useDebounced } from './useDebounced';

export const SEARCH_INPUT_ID = 'queue-search';

type FlagKey = 'perishable' | 'expedited' | 'aeo';

/** Open work, decided work (released and cancelled) or everything: the status filter's usual three. */
type Scope = 'open' | 'decided' | 'all' | 'custom';
const SCOPES: Record<Exclude<Scope, 'custom'>, readonly DeclarationStatus[] | undefined> = {
  open: OPEN_STATUSES,
  decided: FINAL_STATUSES,
  all: undefined,
};

function scopeOf(statuses: readonly DeclarationStatus[] | undefined): Scope {
  if (!statuses || statuses.length === 0) return 'all';
  const same = (list: readonly DeclarationStatus[]) => list.length === statuses.length && list.every((s) => statuses.includes(s));
  return same(OPEN_STATUSES) ? 'open' : same(FINAL_STATUSES) ? 'decided' : 'custom';
}
const flagKeys: FlagKey[] = ['perishable', 'expedited', 'aeo'];

/** A text filter that applies itself once typing pauses, and follows outside changes (saved views). */
function TextFilter({
  value,
  onApply,
  label,
  width,
  id,
  testId,
  prefix,
  normalize = (v) => v.trim(),
}: {
  value: string | undefined;
  onApply(value: string | undefined): void;
  label: string;
  width: number;
  id?: string;
  testId: string;
  prefix?: React.ReactNode;
  normalize?(v: string): string;
}) {
  const [text, setText] = useState(value ?? '');
  // Follow the applied value when it changes from outside (a saved view, "clear filters").
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    setText(value ?? '');
  }
  const settled = useDebounced(text, 300);
  useEffect(() => {
    const next = normalize(settled) || undefined;
    if (next !== value) onApply(next);
    // Only typing applies; `value` changing from outside must not echo back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <Input
      id={id}
      allowClear
      size="small"
      style={{ width }}
      placeholder={label}
      aria-label={label}
      prefix={prefix}
      value={text}
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
      }}
    />
  );
}

export function FilterBar() {
  const { t } = useTranslation('queue');
  const filter = useQueue((s) => s.filter);
  const setFilter = useQueue((s) => s.setFilter);
  const replaceQuery = useQueue((s) => s.replaceQuery);
  const sort = useQueue((s) => s.sort);
  const flags = flagKeys.filter((k) => filter[k] === true);
  const active = JSON.stringify(filter) !== JSON.stringify(DEFAULT_FILTER);
  const scope = scopeOf(filter.statuses);

  return (
    <Space size={6} wrap className="cw-filterbar" role="search" aria-label={t('filters.label')}>
      <TextFilter
        id={SEARCH_INPUT_ID}
        testId="queue-search"
        width={220}
        label={t('filters.search')}
        prefix={<SearchOutlined aria-hidden />}
        value={filter.text}
        onApply={(text) => setFilter({ text })}
      />
      <Select<Lane[]>
        mode="multiple"
        size="small"
        allowClear
        maxTagCount="responsive"
        style={{ width: 170 }}
        placeholder={t('filters.lane')}
        aria-label={t('filters.lane')}
        data-testid="filter-lane"
        value={filter.lanes ?? []}
        onChange={(lanes) => setFilter({ lanes })}
        options={Lane.options.map((l) => ({ value: l, label: t(`lane.${l}.name`) }))}
      />
      <Segmented<Scope>
        size="small"
        value={scope}
        aria-label={t('filters.scope')}
        data-testid="filter-scope"
        onChange={(next) => {
          if (next !== 'custom') setFilter({ statuses: SCOPES[next] ? [...SCOPES[next]] : undefined });
        }}
        options={[
          { value: 'open', label: t('filters.open') },
          { value: 'decided', label: t('filters.decided') },
          { value: 'all', label: t('filters.all') },
        ]}
      />
      <Select<DeclarationStatus[]>
        mode="multiple"
        size="small"
        allowClear
        maxTagCount="responsive"
        style={{ width: 170 }}
        placeholder={t('filters.status')}
        aria-label={t('filters.status')}
        data-testid="filter-status"
        value={filter.statuses ?? []}
        onChange={(statuses) => setFilter({ statuses })}
        options={DeclarationStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select<FlagKey[]>
        mode="multiple"
        size="small"
        allowClear
        maxTagCount="responsive"
        style={{ width: 150 }}
        placeholder={t('filters.flags')}
        aria-label={t('filters.flags')}
        data-testid="filter-flags"
        value={flags}
        onChange={(next) =>
          setFilter({
            perishable: next.includes('perishable') || undefined,
            expedited: next.includes('expedited') || undefined,
            aeo: next.includes('aeo') || undefined,
          })
        }
        options={flagKeys.map((k) => ({ value: k, label: t(`flags.${k}`) }))}
      />
      <TextFilter
        testId="filter-office"
        width={110}
        label={t('filters.office')}
        value={filter.office}
        onApply={(office) => setFilter({ office: office?.toUpperCase() })}
      />
      <TextFilter
        testId="filter-trader"
        width={140}
        label={t('filters.trader')}
        value={filter.trader}
        onApply={(trader) => setFilter({ trader })}
      />
      <TextFilter
        testId="filter-hs"
        width={110}
        label={t('filters.hs')}
        value={filter.hsPrefix}
        normalize={(v) => hsSearchPrefix(v)}
        onApply={(hs) => setFilter({ hsPrefix: hs && /^\d{1,10}$/.test(hs) ? hs : undefined })}
      />
      {active ? (
        <Button
          size="small"
          type="text"
          icon={<ClearOutlined aria-hidden />}
          onClick={() => replaceQuery(DEFAULT_FILTER, sort)}
          data-testid="filters-clear"
        >
          {t('filters.clear')}
        </Button>
      ) : null}
    </Space>
  );
}
