import AuditOutlined from '@ant-design/icons-svg/es/asn/AuditOutlined';
import CheckCircleOutlined from '@ant-design/icons-svg/es/asn/CheckCircleOutlined';
import CheckOutlined from '@ant-design/icons-svg/es/asn/CheckOutlined';
import ClockCircleOutlined from '@ant-design/icons-svg/es/asn/ClockCircleOutlined';
import ExclamationCircleOutlined from '@ant-design/icons-svg/es/asn/ExclamationCircleOutlined';
import FileSearchOutlined from '@ant-design/icons-svg/es/asn/FileSearchOutlined';
import FileTextOutlined from '@ant-design/icons-svg/es/asn/FileTextOutlined';
import HourglassOutlined from '@ant-design/icons-svg/es/asn/HourglassOutlined';
import PauseCircleOutlined from '@ant-design/icons-svg/es/asn/PauseCircleOutlined';
import SafetyCertificateOutlined from '@ant-design/icons-svg/es/asn/SafetyCertificateOutlined';
import SearchOutlined from '@ant-design/icons-svg/es/asn/SearchOutlined';
import StopOutlined from '@ant-design/icons-svg/es/asn/StopOutlined';
import ThunderboltOutlined from '@ant-design/icons-svg/es/asn/ThunderboltOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import type { ReactNode } from 'react';
import type { DeclarationStatus, QueueRow } from '../../../preload/contract/schemas/queue';
import type { Lane } from '../../../preload/contract/schemas/risk';
import { gridIcon } from './GridIcon';
import type { GridText } from './gridText';
import { rowSlaView } from './logic/sla';
import { useNow } from './useNow';

/**
 * The queue grid's cell contents: plain functions of the row and the grid's
 * words, with the same markup (classes, data attributes, icon + word) as the
 * detail pane's tags. Hints are native titles: an antd Tooltip per cell would
 * mount a trigger component for every flag of every row scrolled past.
 */
const laneIcons: Record<Lane, ReactNode> = {
  green: gridIcon(CheckCircleOutlined),
  yellow: gridIcon(FileSearchOutlined),
  blue: gridIcon(AuditOutlined),
  red: gridIcon(SearchOutlined),
};

const statusIcons: Record<DeclarationStatus, ReactNode> = {
  pending: gridIcon(ClockCircleOutlined),
  documentsRequested: gridIcon(FileTextOutlined),
  inspection: gridIcon(SearchOutlined),
  held: gridIcon(PauseCircleOutlined),
  released: gridIcon(CheckOutlined),
  cancelled: gridIcon(StopOutlined),
};

/** A snowflake (cold chain): antd has no perishable-goods icon. */
const perishableIcon = (
  <span className="cw-icon" aria-hidden>
    <svg viewBox="0 0 16 16" width="1em" height="1em" focusable="false">
      <path
        fill="currentColor"
        d="M8 1l1.2 2.6L12 2.5l-1 2.8 2.9.9-2.5 1.6L13 10.2l-2.9-.3L9.4 13 8 10.6 6.6 13l-.7-3.1-2.9.3 1.6-2.4L2.1 6.2l2.9-.9-1-2.8 2.8 1.1z"
      />
    </svg>
  </span>
);

export function laneCell(lane: Lane, text: GridText): ReactNode {
  const word = text.lane[lane];
  return (
    <span className={`cw-lane cw-lane-${lane}`} data-lane={lane} title={word.meaning}>
      {laneIcons[lane]}
      <span>{word.name}</span>
    </span>
  );
}

export function statusCell(status: DeclarationStatus, text: GridText): ReactNode {
  return (
    <span className={`cw-status-tag cw-status-${status}`} data-status={status}>
      {statusIcons[status]}
      <span>{text.status[status]}</span>
    </span>
  );
}

export function aeoCell(aeo: boolean, text: GridText): ReactNode {
  if (!aeo) return <span className="cw-muted">–</span>;
  return (
    <span className="cw-flag cw-flag-aeo" role="img" aria-label={text.flags.aeo} title={text.flags.aeoHint}>
      {gridIcon(SafetyCertificateOutlined)}
      <span className="cw-flag-word">AEO</span>
    </span>
  );
}

export function flagsCell(row: QueueRow, text: GridText): ReactNode {
  const { flags } = text;
  return (
    <span className="cw-flags">
      {row.perishable ? (
        <span className="cw-flag cw-flag-perishable" role="img" aria-label={flags.perishable} title={flags.perishableHint}>
          {perishableIcon}
          <span className="cw-flag-word">{flags.perishableShort}</span>
        </span>
      ) : null}
      {row.expedited ? (
        <span className="cw-flag cw-flag-expedited" role="img" aria-label={flags.expedited} title={flags.expeditedHint}>
          {gridIcon(ThunderboltOutlined)}
          <span className="cw-flag-word">{flags.expeditedShort}</span>
        </span>
      ) : null}
    </span>
  );
}

export function assigneeCell(name: string | null, text: GridText): ReactNode {
  if (!name) return <span className="cw-muted">{text.unassigned}</span>;
  return (
    <span className="cw-ellipsis">
      {gridIcon(UserOutlined)} {name}
    </span>
  );
}

/** The live countdown: its own component, so the one-second tick redraws these cells and not whole rows. Decided rows show the time taken. */
function GridSla({ row, text }: { row: QueueRow; text: GridText }) {
  const view = rowSlaView(row, useNow());
  if (view.state === 'none') return <span className="cw-muted">–</span>;
  if (view.state === 'cancelled')
    return (
      <span className="cw-sla cw-sla-cancelled" data-sla="cancelled">
        {gridIcon(StopOutlined)} {text.sla.cancelled}
      </span>
    );
  if (view.state === 'taken')
    return (
      <span className="cw-sla cw-sla-taken" data-sla="taken" title={view.late ? text.sla.takenLateHint : text.sla.takenHint}>
        {gridIcon(CheckOutlined)} <span className="cw-num">{view.text}</span>
      </span>
    );
  return (
    <span className={`cw-sla cw-sla-${view.state}`} data-sla={view.state}>
      {view.state === 'overdue' ? (
        <span role="img" aria-label={text.sla.overdue} className="cw-sla-icon">
          {gridIcon(ExclamationCircleOutlined)}
        </span>
      ) : view.state === 'soon' ? (
        <span role="img" aria-label={text.sla.soon} className="cw-sla-icon">
          {gridIcon(HourglassOutlined)}
        </span>
      ) : null}
      <span className="cw-num">{view.text}</span>
    </span>
  );
}

export function slaCell(row: QueueRow, text: GridText): ReactNode {
  return <GridSla row={row} text={text} />;
}
