import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, SubjectKind } from '../../../preload/contract/schemas/cases';
import { useSelection } from '../../app/selectionStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ScreenHeader } from '../shell/ScreenHeader';
import { CaseView } from './CaseView';
import { ChainStateBadge } from './ChainStateBadge';
import { NewCaseDialog } from './NewCaseDialog';
import { StatusTag } from './StatusTag';
import { useCases } from './casesStore';

const STATUSES: CaseStatus[] = ['open', 'under_inspection', 'pending_decision', 'closed'];
const KINDS: SubjectKind[] = ['declaration', 'vehicle', 'container', 'person'];

/** Case list with filters and search beside the selected case. Local-first: it all runs on this workstation's store. */
export function CasesScreen() {
  const { t } = useTranslation('cases');
  const notify = useErrorNotifier();
  const { list, filters, detail, selectedId, loading } = useCases();
  const [creating, setCreating] = useState(false);
  const assignees = useCases((s) => s.assignees);

  const reload = useCallback(() => {
    useCases
      .getState()
      .load()
      .catch((error: unknown) => notify(error, t('list.failed')));
  }, [notify, t]);

  useEffect(() => {
    reload();
  }, [reload, filters.status, filters.subjectKind, filters.assigneeId]);
  useEffect(() => {
    useCases
      .getState()
      .loadAssignees()
      .catch((error: unknown) => notify(error, t('field.assigneesFailed')));
  }, [notify, t]);

  const select = useCallback(
    (id: string) =>
      void useCases
        .getState()
        .select(id)
        .catch((error: unknown) => notify(error, t('list.openFailed'))),
    [notify, t],
  );

  // The shared selection drives the pane, so every window (and a later "show case" from another screen) agrees.
  const pick = (id: string) => useSelection.getState().selectCase(id);

  // Another screen or window showed a case (a snapshot added to it, a case opened from a gate event): select it here.
  const shownElsewhere = useSelection((s) => s.caseId);
  useEffect(() => {
    if (shownElsewhere && shownElsewhere !== useCases.getState().selectedId) select(shownElsewhere);
  }, [shownElsewhere, select]);

  return (
    <div
      data-testid="screen-cases"
      style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 8, padding: 12, overflow: 'auto' }}
    >
      <ScreenHeader
        title={t('title')}
        description={t('description')}
        extra={
          <Space>
            <ChainStateBadge />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('new.button')}
            </Button>
          </Space>
        }
      />
      <Space wrap>
        <Input.Search
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          allowClear
          value={filters.search}
          onChange={(e) => useCases.getState().setFilters({ search: e.target.value })}
          onSearch={reload}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('list.status')}
          placeholder={t('list.status')}
          allowClear
          style={{ width: 170 }}
          value={filters.status}
          onChange={(status?: CaseStatus) => useCases.getState().setFilters({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          aria-label={t('subject.kind')}
          placeholder={t('subject.kind')}
          allowClear
          style={{ width: 150 }}
          value={filters.subjectKind}
          onChange={(subjectKind?: SubjectKind) => useCases.getState().setFilters({ subjectKind })}
          options={KINDS.map((k) => ({ value: k, label: t(`subject.${k}`) }))}
        />
        <Select
          aria-label={t('field.assignee')}
          placeholder={t('field.assignee')}
          allowClear
          style={{ width: 170 }}
          value={filters.assigneeId}
          onChange={(assigneeId?: string) => useCases.getState().setFilters({ assigneeId })}
          options={assignees.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(360px, 2fr) 3fr', gap: 12, alignItems: 'start' }}>
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={list}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('list.empty')} /> }}
          rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
          onRow={(row) => ({ onClick: () => pick(row.id), onKeyDown: (e) => e.key === 'Enter' && pick(row.id), tabIndex: 0 })}
          columns={[
            { title: t('list.ref'), dataIndex: 'ref', render: (ref: string) => <span className="cw-num">{ref}</span> },
            { title: t('list.caseTitle'), dataIndex: 'title', ellipsis: true },
            { title: t('list.status'), dataIndex: 'status', render: (status: CaseStatus) => <StatusTag status={status} /> },
            { title: t('subject.ref'), render: (_, c) => `${t(`subject.${c.subject.kind}`)} ${c.subject.ref}` },
            {
              title: t('list.evidence'),
              dataIndex: 'evidenceCount',
              align: 'right',
              render: (n: number) => <span className="cw-num">{n}</span>,
            },
          ]}
        />
        <div>
          {detail ? <CaseView detail={detail} /> : <Empty description={selectedId ? t('list.loading') : t('list.select')} />}
        </div>
      </div>
      <NewCaseDialog
        open={creating}
        onClose={() => setCreating(false)}
        onOpened={(opened) => {
          setCreating(false);
          useCases.getState().apply(opened);
          useCases.setState({ selectedId: opened.id, detail: opened });
          useSelection.getState().selectCase(opened.id);
          reload();
        }}
      />
    </div>
  );
}
