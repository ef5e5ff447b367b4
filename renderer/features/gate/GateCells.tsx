import { CameraOutlined, ExclamationCircleOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GateDirection, GateEvent } from '../../../preload/contract/schemas/gate';
import { LaneTag } from '../queue/LaneTag';

/** Arrival or departure as icon + word. */
export function DirectionTag({ direction }: { direction: GateDirection }) {
  const { t } = useTranslation('gate');
  return (
    <span className={`cw-gate-direction cw-gate-${direction}`}>
      {direction === 'arrival' ? <LoginOutlined aria-hidden /> : <LogoutOutlined aria-hidden />} {t(`direction.${direction}`)}
    </span>
  );
}

/** Who saw the vehicle: an officer, or recognition with its confidence as a percentage. */
export function SourceCell({ event }: { event: GateEvent }) {
  const { t, i18n } = useTranslation('gate');
  if (event.source === 'officer')
    return (
      <span>
        <UserOutlined aria-hidden /> {t('source.officer')}
      </span>
    );
  const confidence = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(
    event.confidence ?? 0,
  );
  return (
    <span title={event.cameraId}>
      <CameraOutlined aria-hidden /> {t('source.recognition', { confidence })}
    </span>
  );
}

/** The linked declaration with its lane (colour, icon and word), or "No declaration". */
export function DeclarationCell({ event, onOpen }: { event: GateEvent; onOpen: (number: string) => void }) {
  const { t } = useTranslation('gate');
  const declaration = event.declaration;
  if (!declaration)
    return (
      <span className="cw-gate-unlinked">
        <ExclamationCircleOutlined aria-hidden /> {t('table.noDeclaration')}
      </span>
    );
  return (
    <span className="cw-gate-linked">
      {declaration.lane ? <LaneTag lane={declaration.lane} /> : null}
      <Tooltip title={t('table.openDeclaration', { number: declaration.number })}>
        <Button
          type="link"
          size="small"
          className="cw-mono"
          data-testid="gate-open-declaration"
          onClick={() => onOpen(declaration.number)}
        >
          {declaration.number}
        </Button>
      </Tooltip>
    </span>
  );
}
