import { BranchesOutlined, CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, DeclarationDetail } from '../../../preload/contract/schemas/queue';
import { Lane } from '../../../preload/contract/schemas/risk';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { traderLabel } from '../../../preload/contract/schemas/declarations';
import { OpenCaseButton } from '../evidence/OpenCaseButton';
import { ContainersSection, DocumentsSection, GoodsItemsTable, PartiesSection, TransportSection } from './DeclarationSections';
import { AeoMark, FlagIcons } from './FlagIcons';
import { LaneTag } from './LaneTag';
import { ReasonDialog } from './ReasonDialog';
import { ReceivedSection } from './ReceivedSection';
import { ResponsesSection } from './ResponsesSection';
import { RiskHits } from './RiskHits';
import { SlaCell } from './SlaCell';
import { StatusTag } from './StatusTag';
import { TimelineSection } from './TimelineSection';
import { VersionsSection } from './VersionsSection';
import { fullTime } from './format';
import { useQueue } from './queueStore';
import { useTriage } from './triageStore';
import { useRight } from '../../app/useRight';

export const DECISION_KEYS: Record<Decision, string> = { release: 'r', hold: 'h', requestDocuments: 'd', sendToInspection: 'i' };
const DECISIONS: Decision[] = ['release', 'hold', 'requestDocuments', 'sendToInspection'];

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="cw-detail-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** Loads a declaration's detail and reloads it when the services say it changed. */
function useDetail(id: string): { detail: DeclarationDetail | null; error: unknown; reload(): void } {
  const [detail, setDetail] = useState<DeclarationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    clearway()
      .invoke('cw:queue.get', { id })
      .then(
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e: unknown) => setError(e),
      );
  }, [id]);
  // The pane is keyed by declaration, so a new id starts from an empty detail.
  useEffect(reload, [reload]);
  useEffect(
    () => clearway().on('cw:queue.changed', (e) => (e.ids === 'all' || e.ids.includes(id) ? reload() : undefined)),
    [id, reload],
  );
  return { detail, error, reload };
}

/** What an officer must know before deciding: a withdrawn declaration, a manual lane that stands over a changed declaration, amendments after release. */
function VersionNotes({ detail }: { detail: DeclarationDetail }) {
  const { t } = useTranslation('queue');
  const latest = detail.versions[0];
  const notes: ReactNode[] = [];
  if (detail.row.status === 'cancelled')
    notes.push(
      <Alert key="cancelled" type="warning" showIcon data-testid="note-cancelled" message={t('versions.cancelledNote')} />,
    );
  if (detail.manualLane && detail.changedSinceManualLane && latest)
    notes.push(
      <Alert
        key="manual"
        type="info"
        showIcon
        data-testid="note-manual-lane"
        message={t('versions.manualLaneNote', {
          lane: t(`lane.${detail.manualLane}.name`),
          version: latest.version,
          engine: t(`lane.${detail.assessment.lane}.name`),
        })}
      />,
    );
  const waiting = detail.versions.filter((v) => v.outcome === 'postRelease' && !v.review).length;
  if (waiting > 0)
    notes.push(
      <Alert
        key="post"
        type="info"
        showIcon
        data-testid="note-post-release"
        message={t('versions.postReleaseNote', { count: waiting })}
      />,
    );
  return notes.length ? <div className="cw-detail-notes">{notes}</div> : null;
}

/** The right-hand pane: everything about one declaration, and what can be decided on it. */
export function DetailPane({ id, onAssignMe }: { id: string; onAssignMe(ids: string[]): void }) {
  const { t, i18n } = useTranslation('queue');
  const { t: tEvidence } = useTranslation('evidence');
  const notify = useErrorNotifier();
  const supervisor = useRight('declarations.reroute');
  const mayRelease = useRight('declarations.release');
  const mayReleaseRed = useRight('declarations.releaseRed');
  const { detail, error, reload } = useDetail(id);
  const [rerouting, setRerouting] = useState(false);
  const [lane, setLane] = useState<Lane>('red');
  const [busy, setBusy] = useState(false);

  async function reroute(reason: string) {
    setBusy(true);
    try {
      await clearway().invoke('cw:queue.reroute', { id, lane, reason });
      setRerouting(false);
      reload();
      void useQueue.getState().refresh(true);
    } catch (e) {
      notify(e, t('reroute.failed'));
    } finally {
      setBusy(false);
    }
  }

  const close = (
    <Tooltip title={`${t('detail.close')} (Esc)`}>
      <Button
        size="small"
        type="text"
        icon={<CloseOutlined aria-hidden />}
        aria-label={t('detail.close')}
        onClick={() => useQueue.getState().open(null)}
        data-testid="detail-close"
      />
    </Tooltip>
  );

  if (error) {
    const text = describeError(error, t as never);
    return (
      <aside className="cw-detail" aria-label={t('detail.label', { number: id })} data-testid="detail-pane">
        <div className="cw-detail-top">
          <h2>{id}</h2>
          {close}
        </div>
        <Alert type="error" showIcon message={t('detail.loadFailed')} description={text.message} />
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="cw-detail" aria-label={t('detail.label', { number: id })} aria-busy data-testid="detail-pane">
        <div className="cw-detail-top">
          <h2>{id}</h2>
          {close}
        </div>
        <Spin />
      </aside>
    );
  }

  const { row, declaration: d, trs } = detail;
  const allowed = new Set(detail.allowedDecisions);
  return (
    <aside className="cw-detail" aria-label={t('detail.label', { number: id })} data-testid="detail-pane">
      <div className="cw-detail-top">
        <div>
          <h2 className="cw-mono" data-testid="detail-number">
            {row.number}
          </h2>
          <div className="cw-detail-sub">
            <LaneTag lane={row.lane} long /> <StatusTag status={row.status} />{' '}
            <FlagIcons perishable={row.perishable} expedited={row.expedited} /> {row.aeo ? <AeoMark aeo /> : null}
          </div>
        </div>
        {close}
      </div>
      <div className="cw-detail-actions">
        <Space size={4} wrap>
          {DECISIONS.map((decision) => {
            // The rights table: inspectors do not release; a red-lane release is a supervisor's request (four eyes).
            const noRight =
              decision === 'release' && (!mayRelease || (row.lane === 'red' && !mayReleaseRed))
                ? t(mayRelease ? 'rights.releaseRed' : 'rights.release')
                : null;
            const fourEyes = decision === 'release' && row.lane === 'red' && mayReleaseRed ? ` — ${t('rights.fourEyes')}` : '';
            return (
              <Tooltip key={decision} title={noRight ?? `${t(`decision.${decision}`)} (${DECISION_KEYS[decision]})${fourEyes}`}>
                <Button
                  size="small"
                  type={decision === 'release' ? 'primary' : 'default'}
                  disabled={!allowed.has(decision) || noRight !== null}
                  onClick={() => useTriage.setState({ pending: { decision, ids: [row.number] } })}
                  data-testid={`detail-${decision}`}
                >
                  {t(`decision.${decision}`)} <kbd className="cw-kbd">{DECISION_KEYS[decision]}</kbd>
                </Button>
              </Tooltip>
            );
          })}
          <Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => onAssignMe([row.number])}>
            {t('actions.assignMe')} <kbd className="cw-kbd">a</kbd>
          </Button>
          {supervisor ? (
            <Button
              size="small"
              icon={<BranchesOutlined aria-hidden />}
              onClick={() => {
                setLane(row.lane === 'red' ? 'yellow' : 'red');
                setRerouting(true);
              }}
              data-testid="detail-reroute"
            >
              {t('reroute.action')}
            </Button>
          ) : null}
          <OpenCaseButton
            testId="detail-open-case"
            context={() => ({
              title: tEvidence('title.declaration', { number: row.number }),
              origin: { kind: 'declaration', declarationId: row.number },
              subject: { kind: 'declaration', ref: row.number, label: traderLabel(d.declarant) },
            })}
            hint={tEvidence('button.declarationOpenCase', { number: row.number })}
          />
        </Space>
      </div>
      <div className="cw-detail-body" tabIndex={0} role="region" aria-label={t('detail.label', { number: id })}>
        <VersionNotes detail={detail} />
        <Section id="sec-header" title={t('detail.header')}>
          <dl className="cw-facts">
            <dt>{t('detail.type')}</dt>
            <dd>{d.typeCode}</dd>
            <dt>{t('detail.office')}</dt>
            <dd className="cw-mono">{d.office}</dd>
            <dt>{t('col.score')}</dt>
            <dd className="cw-num">
              {row.score}
              {detail.assessment.lane !== row.lane
                ? ` · ${t('detail.engineLane', { lane: t(`lane.${detail.assessment.lane}.name`) })}`
                : ''}
            </dd>
            <dt>{t('col.sla')}</dt>
            <dd>
              <SlaCell row={row} />
            </dd>
            <dt>{t('col.arrival')}</dt>
            <dd className="cw-num">{fullTime(trs.arrivalAt, i18n.language)}</dd>
            <dt>{t('col.lodgement')}</dt>
            <dd className="cw-num">{fullTime(trs.lodgedAt, i18n.language)}</dd>
            <dt>{t('trs.riskAssessed')}</dt>
            <dd className="cw-num">{fullTime(trs.riskAssessedAt, i18n.language)}</dd>
            <dt>{t('trs.released')}</dt>
            <dd className="cw-num">{fullTime(trs.releasedAt, i18n.language)}</dd>
            <dt>{t('col.assignee')}</dt>
            <dd>{row.assigneeName ?? t('unassigned')}</dd>
          </dl>
        </Section>
        <Section id="sec-hits" title={t('detail.hits')}>
          <RiskHits detail={detail} />
        </Section>
        <Section id="sec-parties" title={t('detail.parties')}>
          <PartiesSection d={d} />
        </Section>
        <Section id="sec-transport" title={t('detail.transport')}>
          <TransportSection d={d} />
        </Section>
        <Section id="sec-containers" title={t('detail.containers')}>
          <ContainersSection d={d} />
        </Section>
        <Section id="sec-goods" title={t('detail.goods')}>
          <GoodsItemsTable d={d} />
        </Section>
        <Section id="sec-docs" title={t('detail.documents')}>
          <DocumentsSection d={d} />
        </Section>
        <Section id="sec-versions" title={t('detail.versions', { count: detail.versions.length })}>
          <VersionsSection detail={detail} />
        </Section>
        <Section id="sec-timeline" title={t('detail.timeline')}>
          <TimelineSection detail={detail} />
        </Section>
        <Section id="sec-responses" title={t('detail.responses')}>
          <ResponsesSection detail={detail} />
        </Section>
        <Section id="sec-received" title={t('detail.received')}>
          <ReceivedSection detail={detail} />
        </Section>
      </div>
      <ReasonDialog
        open={rerouting}
        topic="reroute"
        busy={busy}
        title={t('reroute.title', { number: row.number })}
        okText={t('reroute.confirm')}
        onCancel={() => setRerouting(false)}
        onSubmit={(reason) => void reroute(reason)}
        extra={
          <div style={{ marginBottom: 10 }}>
            <label htmlFor="reroute-lane" className="cw-field-label">
              {t('reroute.lane')}
            </label>
            <Select<Lane>
              id="reroute-lane"
              style={{ width: '100%' }}
              value={lane}
              onChange={setLane}
              options={Lane.options
                .filter((l) => l !== row.lane)
                .map((l) => ({ value: l, label: `${t(`lane.${l}.name`)} · ${t(`lane.${l}.meaning`)}` }))}
            />
          </div>
        }
      />
    </aside>
  );
}
