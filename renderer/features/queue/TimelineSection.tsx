import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationDetail, TimelineEntry } from '../../../preload/contract/schemas/queue';
import { fullTime } from './format';

function entryText(e: TimelineEntry, t: (key: string, o?: Record<string, unknown>) => string): string {
  switch (e.kind) {
    case 'arrival':
      return t('timeline.arrival');
    case 'lodgement':
      return t('timeline.lodgement');
    case 'riskAssessed':
      return t('timeline.riskAssessed', { lane: e.toLane ? t(`lane.${e.toLane}.name`) : '–' });
    case 'decision':
      return t('timeline.decision', {
        decision: e.decision ? t(`decision.${e.decision}`) : '–',
        status: e.toStatus ? t(`status.${e.toStatus}`) : '–',
      });
    case 'assigned':
      return e.assignee ? t('timeline.assigned', { name: e.assignee }) : t('timeline.unassigned');
    case 'rerouted':
      return t('timeline.rerouted', {
        from: e.fromLane ? t(`lane.${e.fromLane}.name`) : '–',
        to: e.toLane ? t(`lane.${e.toLane}.name`) : '–',
      });
    case 'amended':
      // After release the status stays released and the version waits for post-clearance review.
      if (e.toStatus === 'released') return t('timeline.amendedAfterRelease', { version: e.version ?? '–' });
      return t('timeline.amended', {
        version: e.version ?? '–',
        from: e.fromLane ? t(`lane.${e.fromLane}.name`) : '–',
        to: e.toLane ? t(`lane.${e.toLane}.name`) : '–',
      });
    case 'cancelled':
      return t('timeline.cancelled', { version: e.version ?? '–' });
    case 'reviewed':
      return t('timeline.reviewed', { version: e.version ?? '–' });
  }
}

/** Status history, oldest first; each step with who, when (zone shown) and why. */
export function TimelineSection({ detail }: { detail: DeclarationDetail }) {
  const { t, i18n } = useTranslation('queue');
  return (
    <Timeline
      data-testid="detail-timeline"
      items={detail.timeline.map((e, i) => ({
        key: `${e.at}-${i}`,
        content: (
          <div className="cw-timeline-entry">
            <div>
              <strong>{entryText(e, t as never)}</strong>
              {e.actor ? <span className="cw-muted"> · {e.actor}</span> : null}
            </div>
            <div className="cw-muted cw-num">{fullTime(e.at, i18n.language)}</div>
            {e.reason ? <div className="cw-timeline-reason">“{e.reason}”</div> : null}
          </div>
        ),
      }))}
    />
  );
}
