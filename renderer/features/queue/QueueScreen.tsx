import { ExclamationCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Space, Tooltip } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSelection } from '../../app/selectionStore';
import { useSession } from '../../app/sessionStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ScreenLoading } from '../shell/ScreenLoading';
import { BulkBar } from './BulkBar';
import { DetailPane } from './DetailPane';
import { DropZone } from './DropZone';
import { EmptyQueue } from './EmptyQueue';
import { FilterBar } from './FilterBar';
import { ImportButton, ImportProgressBar, ImportSummary } from './ImportControls';
import { QueueTable } from './QueueTable';
import './registerShortcuts';
import { ReasonDialog } from './ReasonDialog';
import { RejectsButton } from './RejectsButton';
import { ResizablePane } from './ResizablePane';
import { openInQueue, ReviewsView } from './ReviewsView';
import { SavedViews } from './SavedViews';
import { ShortcutHints } from './ShortcutHints';
import { formatNumber } from './format';
import { DEFAULT_FILTER, useQueue } from './queueStore';
import { useTriage } from './triageStore';
import { useQueueKeys } from './useQueueKeys';
import './queue.css';

type View = 'queue' | 'dashboard' | 'rules' | 'reviews';

// ECharts (the dashboard, the rule editor's dry run) loads on first use, not with the queue.
const DashboardView = lazy(async () => ({ default: (await import('../dashboard/DashboardView')).DashboardView }));
const RulesView = lazy(async () => ({ default: (await import('../risk/RulesView')).RulesView }));

/** Applies the decision waiting in the triage store once its reason is given. */
function DecisionRunner() {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const pending = useTriage((s) => s.pending);
  const [busy, setBusy] = useState(false);

  async function decide(reason: string) {
    if (!pending) return;
    setBusy(true);
    try {
      const out = await clearway().invoke('cw:queue.decide', { ids: pending.ids, decision: pending.decision, reason });
      useTriage.getState().cancel();
      if (out.decided.length > 0)
        message.success(t('decided', { count: out.decided.length, decision: t(`decision.${pending.decision}`) }));
      if (out.awaitingApproval.length > 0) message.info(t('awaitingApproval', { count: out.awaitingApproval.length }));
      for (const f of out.failed) notify(new Error(`${f.number}: ${f.message}`), t('decideFailed'));
      if (pending.ids.length > 1) useQueue.getState().dispatch({ type: 'clear' });
      await useQueue.getState().refresh(true);
    } catch (e) {
      notify(e, t('decideFailed'));
    } finally {
      setBusy(false);
    }
  }

  const count = pending?.ids.length ?? 0;
  return (
    <ReasonDialog
      open={pending !== null}
      topic={pending?.decision ?? 'release'}
      busy={busy}
      title={pending ? t('decisionTitle', { decision: t(`decision.${pending.decision}`), count, number: pending.ids[0] }) : ''}
      okText={pending ? t(`decision.${pending.decision}`) : ''}
      onCancel={() => useTriage.getState().cancel()}
      onSubmit={(reason) => void decide(reason)}
    />
  );
}

function QueueWork() {
  const { t, i18n } = useTranslation('queue');
  const notify = useErrorNotifier();
  const { message } = App.useApp();
  const total = useQueue((s) => s.total);
  const filter = useQueue((s) => s.filter);
  const openId = useQueue((s) => s.openId);
  const error = useQueue((s) => s.error);
  // A declaration chosen elsewhere (a port marker or vehicle, another window) opens here.
  const selectedDeclaration = useSelection((s) => s.declarationId);
  useEffect(() => {
    if (selectedDeclaration && selectedDeclaration !== useQueue.getState().openId) useQueue.getState().open(selectedDeclaration);
  }, [selectedDeclaration]);

  useEffect(() => {
    void useQueue.getState().refresh();
    // Many changes arrive in bursts during an import: refresh at most twice a second.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = clearway().on('cw:queue.changed', () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void useQueue.getState().refresh(true);
      }, 500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const assignToMe = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      try {
        const out = await clearway().invoke('cw:queue.assign', { ids, to: 'me' });
        message.success(t('assigned', { count: out.assigned.length }));
        await useQueue.getState().refresh(true);
      } catch (e) {
        notify(e, t('assignFailed'));
      }
    },
    [message, notify, t],
  );
  const assignTargets = useCallback(() => {
    const q = useQueue.getState();
    const ids =
      q.cursor.selected.length > 0
        ? [...q.cursor.selected]
        : [q.rowAt(q.cursor.cursor)?.number ?? q.openId].filter((x): x is string => !!x);
    void assignToMe(ids);
  }, [assignToMe]);
  useQueueKeys(true, assignTargets);

  // The default (open work) is not a filter the officer chose: an empty queue then explains how to get declarations in.
  const filtered = JSON.stringify(filter) !== JSON.stringify(DEFAULT_FILTER);
  return (
    <DropZone>
      <div className="cw-queue-toolbar">
        <FilterBar />
        <Space size={6} wrap>
          <SavedViews />
          <ImportButton />
          <RejectsButton />
          <Tooltip title={t('refresh')}>
            <Button
              size="small"
              icon={<ReloadOutlined aria-hidden />}
              aria-label={t('refresh')}
              onClick={() => void useQueue.getState().refresh(true)}
            />
          </Tooltip>
        </Space>
      </div>
      <ImportProgressBar />
      <BulkBar onAssignMe={(ids) => void assignToMe(ids)} />
      {error ? (
        <Alert
          type="error"
          showIcon
          icon={<ExclamationCircleOutlined />}
          message={t('loadFailed')}
          description={describeError(error, t as never).message}
        />
      ) : null}
      <div className="cw-queue-body">
        <div className="cw-queue-main">
          <div className="cw-queue-count" aria-live="polite" data-testid="queue-count">
            {total === null ? t('loading') : t('count', { count: total, formatted: formatNumber(total, i18n.language) })}
          </div>
          {total === 0 ? <EmptyQueue filtered={filtered} /> : <QueueTable gridId="queue-grid" />}
          <ShortcutHints />
        </div>
        {openId ? (
          <ResizablePane storageKey="cw.queue.detailWidth" defaultWidth={560}>
            <DetailPane key={openId} id={openId} onAssignMe={(ids) => void assignToMe(ids)} />
          </ResizablePane>
        ) : null}
      </div>
      <DecisionRunner />
      <ImportSummary />
    </DropZone>
  );
}

/** The officer's main screen: the declaration queue, its release-time dashboard and (supervisors) the risk rules. */
export function QueueScreen() {
  const { t } = useTranslation('queue');
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  const [view, setView] = useState<View>('queue');
  const options = [
    { value: 'queue' as const, label: t('tabs.queue') },
    { value: 'dashboard' as const, label: t('tabs.dashboard') },
    ...(supervisor
      ? [
          { value: 'reviews' as const, label: t('tabs.reviews') },
          { value: 'rules' as const, label: t('tabs.rules') },
        ]
      : []),
  ];
  return (
    <section className="cw-queue" data-testid="screen-queue">
      <header className="cw-queue-header">
        <h1>{t('title')}</h1>
        <Segmented<View>
          size="small"
          value={view}
          onChange={setView}
          options={options}
          data-testid="queue-views"
          aria-label={t('tabs.switch')}
        />
      </header>
      <Suspense fallback={<ScreenLoading />}>
        {view === 'queue' ? (
          <QueueWork />
        ) : view === 'dashboard' ? (
          <DashboardView />
        ) : view === 'reviews' ? (
          <ReviewsView
            onOpen={(number) => {
              openInQueue(number);
              setView('queue');
            }}
          />
        ) : (
          <RulesView />
        )}
      </Suspense>
    </section>
  );
}
