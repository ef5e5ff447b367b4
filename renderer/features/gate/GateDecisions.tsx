import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, type InputRef, Radio, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateDecision } from '../../../preload/contract/schemas/recognition';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { LaneTag } from '../queue/LaneTag';
import { StatusTag } from '../queue/StatusTag';
import { useRecognition } from './recognitionStore';

/**
 * What recognition decided: an alert card for each vehicle waiting for the officer
 * (snapshot, reads with their confidence, every reason it was not released, the
 * candidate declarations; Enter confirms and opens the barrier, C corrects), and
 * the latest automatic release.
 */
export function GateDecisions({ laneName, canResolve }: { laneName: (id: string) => string; canResolve: boolean }) {
  const { t } = useTranslation('gate');
  const decisions = useRecognition((s) => s.decisions);
  const alerts = decisions.filter((d) => d.kind === 'alert');
  const released = decisions.find((d) => d.kind === 'autoReleased');
  if (alerts.length === 0 && !released) return null;
  return (
    <section className="cw-gate-decisions" aria-label={t('alert.section')}>
      {released ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          data-testid="gate-auto-release"
          title={t('autoRelease.title', { plate: released.plate.text, lane: laneName(released.laneId) })}
          description={t('autoRelease.detail', {
            declaration: released.declarationNumber ?? '—',
            seconds: (released.decisionMs / 1000).toFixed(1),
          })}
        />
      ) : null}
      {alerts.map((decision, index) => (
        <AlertCard key={decision.id} decision={decision} laneName={laneName} canResolve={canResolve} autoFocus={index === 0} />
      ))}
    </section>
  );
}

function AlertCard({
  decision,
  laneName,
  canResolve,
  autoFocus,
}: {
  decision: GateDecision;
  laneName: (id: string) => string;
  canResolve: boolean;
  autoFocus: boolean;
}) {
  const { t, i18n } = useTranslation('gate');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const card = useRef<HTMLElement>(null);
  const plateRef = useRef<InputRef>(null);
  const [correcting, setCorrecting] = useState(false);
  const [plate, setPlate] = useState(decision.plate.text);
  const [declaration, setDeclaration] = useState<string | null>(
    decision.declarationNumber ?? decision.candidates[0]?.number ?? null,
  );
  const [busy, setBusy] = useState(false);
  const percent = (value: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value);

  // The newest alert takes the keyboard only when the officer is not busy elsewhere (typing, another card's correction).
  useEffect(() => {
    const active = document.activeElement;
    const idle =
      active === null ||
      active === document.body ||
      (active instanceof HTMLElement && active.classList.contains('cw-gate-alert'));
    if (autoFocus && canResolve && idle) card.current?.focus();
  }, [autoFocus, canResolve]);
  useEffect(() => {
    if (correcting) plateRef.current?.focus();
  }, [correcting]);

  const resolve = async (action: 'confirm' | 'correct') => {
    setBusy(true);
    try {
      const resolved = await clearway().invoke('cw:recognition.resolve', {
        decisionId: decision.id,
        action,
        openBarrier: true,
        declarationNumber: declaration,
        ...(action === 'correct' ? { plate } : {}),
      });
      useRecognition.getState().onDecided(resolved);
      message.success(
        t(action === 'confirm' ? 'alert.confirmed' : 'alert.corrected', { plate: resolved.resolvedPlate ?? resolved.plate.text }),
      );
    } catch (error) {
      const text = describeError(error, tShell);
      message.error(`${text.message} ${text.action}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      ref={card}
      className="cw-gate-alert"
      tabIndex={0}
      data-testid="gate-alert"
      data-plate={decision.plate.text}
      aria-label={t('alert.label', { plate: decision.plate.text, lane: laneName(decision.laneId) })}
      onKeyDown={(event) => {
        if (!canResolve || busy || event.target !== event.currentTarget) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          void resolve('confirm');
        } else if (event.key === 'c') {
          event.preventDefault();
          setCorrecting(true);
        }
      }}
    >
      {decision.snapshot ? (
        <img
          className="cw-gate-alert-snapshot"
          src={decision.snapshot}
          alt={t('alert.snapshot', { plate: decision.plate.text })}
        />
      ) : null}
      <div className="cw-gate-alert-body">
        <header className="cw-gate-alert-head">
          <WarningOutlined aria-hidden className="cw-gate-alert-icon" />
          <span className="cw-mono cw-gate-plate cw-gate-alert-plate">{decision.plate.text}</span>
          <Tag color={decision.plate.confident ? 'processing' : 'warning'}>
            {decision.plate.confident
              ? t('live.confident', { confidence: percent(decision.plate.confidence) })
              : t('live.uncertain', { confidence: percent(decision.plate.confidence) })}
          </Tag>
          <span className="cw-gate-muted">{laneName(decision.laneId)}</span>
        </header>
        <dl className="cw-gate-alert-facts">
          <dt>{t('alert.container')}</dt>
          <dd>
            {decision.container ? (
              <>
                <span className="cw-mono">{decision.container.text}</span>{' '}
                <Tag color={decision.container.confident ? 'processing' : 'warning'}>
                  {decision.container.confident ? t('alert.checkDigitValid') : t('alert.checkDigitUncertain')}
                </Tag>
              </>
            ) : (
              t('alert.noContainer')
            )}
          </dd>
          <dt>{t('alert.face')}</dt>
          <dd>{t(`face.${decision.face}`)}</dd>
          <dt>{t('alert.why')}</dt>
          <dd>
            <ul className="cw-gate-alert-reasons" data-testid="gate-alert-reasons">
              {decision.reasons.map((reason) => (
                <li key={reason} data-reason={reason}>
                  {t(`reasons.${reason}`)}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('alert.candidates')}</dt>
          <dd>
            {decision.candidates.length === 0 ? (
              t('alert.noCandidates')
            ) : (
              <Radio.Group
                value={declaration}
                onChange={(e) => setDeclaration(e.target.value as string)}
                disabled={!canResolve}
                aria-label={t('alert.candidates')}
              >
                <Space direction="vertical" size={2}>
                  {decision.candidates.map((c) => (
                    <Radio key={c.number} value={c.number}>
                      <span data-testid="gate-alert-candidate">
                        <span className="cw-mono">{c.number}</span> · <span className="cw-mono">{c.plate ?? '—'}</span>{' '}
                        {c.lane ? <LaneTag lane={c.lane} /> : null}{' '}
                        <span className="cw-gate-muted">
                          {c.distance === 0 ? t('alert.exact') : t('alert.edits', { count: c.distance })}
                        </span>{' '}
                        {c.status ? <StatusTag status={c.status} /> : null}
                      </span>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
          </dd>
        </dl>
        {canResolve ? (
          correcting ? (
            <form
              className="cw-gate-alert-actions"
              onSubmit={(event) => {
                event.preventDefault();
                void resolve('correct');
              }}
            >
              <Input
                ref={plateRef}
                className="cw-mono"
                style={{ width: 180 }}
                aria-label={t('alert.correctPlate')}
                data-testid="gate-alert-plate"
                value={plate}
                maxLength={32}
                onChange={(e) => setPlate(e.target.value)}
              />
              <Button type="primary" htmlType="submit" loading={busy} data-testid="gate-alert-correct-submit">
                {t('alert.correctSubmit')}
              </Button>
              <Button onClick={() => setCorrecting(false)}>{t('alert.cancel')}</Button>
            </form>
          ) : (
            <div className="cw-gate-alert-actions">
              <Button type="primary" loading={busy} onClick={() => void resolve('confirm')} data-testid="gate-alert-confirm">
                {t('alert.confirm')}
              </Button>
              <Button onClick={() => setCorrecting(true)} data-testid="gate-alert-correct">
                {t('alert.correct')}
              </Button>
            </div>
          )
        ) : null}
      </div>
    </article>
  );
}
