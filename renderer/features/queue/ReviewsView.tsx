import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostReleaseAmendment } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ChangesTable } from './ChangesTable';
import { fullTime } from './format';
import { LaneTag } from './LaneTag';
import { ReasonDialog } from './ReasonDialog';
import { useQueue } from './queueStore';

const key = (a: PostReleaseAmendment) => `${a.number}#${a.version}`;

/**
 * Post-clearance review (supervisors): amendments that arrived after release. The release
 * stands; the supervisor reads what changed against the released version and records a review.
 */
export function ReviewsView({ onOpen }: { onOpen(number: string): void }) {
  const { t, i18n } = useTranslation('queue');
  const notify = useErrorNotifier();
  const [reviewed, setReviewed] = useState(false);
  const [rows, setRows] = useState<PostReleaseAmendment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reviewing, setReviewing] = useState<PostReleaseAmendment | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    clearway()
      .invoke('cw:queue.reviews', { reviewed })
      .then(
        (list) => {
          setRows(list);
          setError(null);
        },
        (e: unknown) => setError(e),
      );
  }, [reviewed]);
  useEffect(load, [load]);
  useEffect(() => clearway().on('cw:queue.changed', () => load()), [load]);

  async function review(note: string) {
    if (!reviewing) return;
    setBusy(true);
    try {
      await clearway().invoke('cw:queue.review', { id: reviewing.number, version: reviewing.version, note });
      setReviewing(null);
      load();
    } catch (e) {
      notify(e, t('review.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cw-reviews" data-testid="reviews">
      <Space className="cw-reviews-bar" size={8} wrap>
        <Segmented<'waiting' | 'reviewed'>
          size="small"
          value={reviewed ? 'reviewed' : 'waiting'}
          onChange={(v) => setReviewed(v === 'reviewed')}
          aria-label={t('review.show')}
          options={[
            { value: 'waiting', label: t('review.waiting') },
            { value: 'reviewed', label: t('review.done') },
          ]}
        />
        <Button size="small" type="text" icon={<ReloadOutlined aria-hidden />} onClick={load} aria-label={t('refresh')} />
        <span className="cw-muted">{t('review.explain')}</span>
      </Space>
      {error ? (
        <Alert type="error" showIcon message={t('review.loadFailed')} description={describeError(error, t as never).message} />
      ) : rows === null ? (
        <Spin />
      ) : (
        // Keyed by what it shows, so rows arriving later open their difference too.
        <Table<PostReleaseAmendment>
          key={`${reviewed}-${rows.map(key).join(',')}`}
          size="small"
          rowKey={key}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: reviewed ? t('review.noneReviewed') : t('review.none') }}
          expandable={{
            expandedRowRender: (a) => <ChangesTable changes={a.changes} testId={`review-changes-${a.number}`} />,
            defaultExpandAllRows: true,
          }}
          columns={[
            {
              title: t('col.number'),
              dataIndex: 'number',
              render: (n: string) => (
                <Button type="link" size="small" className="cw-mono" onClick={() => onOpen(n)}>
                  {n}
                </Button>
              ),
            },
            { title: t('review.version'), dataIndex: 'version', align: 'right' },
            { title: t('col.trader'), dataIndex: 'traderName', ellipsis: true },
            { title: t('col.lane'), dataIndex: 'lane', render: (l: PostReleaseAmendment['lane']) => <LaneTag lane={l} /> },
            {
              title: t('trs.released'),
              dataIndex: 'releasedAt',
              render: (v: string) => <span className="cw-num">{fullTime(v, i18n.language)}</span>,
            },
            {
              title: t('review.received'),
              dataIndex: 'receivedAt',
              render: (v: string) => <span className="cw-num">{fullTime(v, i18n.language)}</span>,
            },
            {
              title: t('review.changes'),
              key: 'changes',
              align: 'right',
              render: (_, a) => t('review.changeCount', { count: a.changes.length }),
            },
            {
              title: t('review.action'),
              key: 'action',
              render: (_, a) =>
                a.review ? (
                  <span>
                    <CheckOutlined aria-hidden /> {a.review.by} · “{a.review.note}”
                  </span>
                ) : (
                  <Button size="small" onClick={() => setReviewing(a)} data-testid={`review-${a.number}`}>
                    {t('review.mark')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <ReasonDialog
        open={reviewing !== null}
        topic="review"
        busy={busy}
        title={reviewing ? t('review.title', { number: reviewing.number, version: reviewing.version }) : ''}
        okText={t('review.confirm')}
        onCancel={() => setReviewing(null)}
        onSubmit={(note) => void review(note)}
      />
    </div>
  );
}

/** Opens a declaration in the queue: all statuses, searched by its number. */
export function openInQueue(number: string): void {
  const q = useQueue.getState();
  q.replaceQuery({ text: number }, q.sort);
  q.open(number);
}
