import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GateEvent } from '../../../preload/contract/schemas/gate';
import type { Site } from '../../../preload/contract/schemas/site';
import { AddToCaseButton } from '../evidence/AddToCaseButton';
import { snapshotOfCamera } from '../evidence/captureSnapshot';
import type { CaseContext } from '../evidence/caseTarget';
import { OpenCaseButton } from '../evidence/OpenCaseButton';

/**
 * A gate event's case actions: open a case about the vehicle (linked to the event
 * and to its declaration), and add a snapshot of the event's camera to a case.
 */
export function GateEventActions({ event, laneName, site }: { event: GateEvent; laneName: string; site: Site | null }) {
  const { t } = useTranslation('evidence');
  const camera = event.cameraId ? site?.cameras.find((c) => c.id === event.cameraId) : undefined;
  const context = (): CaseContext => ({
    title: t('title.gateEvent', { plate: event.plate, lane: laneName }),
    origin: { kind: 'gate-event', eventId: event.id, plate: event.plate },
    subject: { kind: 'vehicle', ref: event.plate },
    links: event.declaration ? [{ kind: 'declaration', ref: event.declaration.number }] : [],
  });
  return (
    <Space size={0}>
      <OpenCaseButton compact testId="gate-open-case" context={context} hint={t('button.gateOpenCase', { plate: event.plate })} />
      {camera ? (
        <AddToCaseButton
          compact
          testId="gate-add-to-case"
          capture={() => snapshotOfCamera(camera)}
          context={context}
          hint={t('button.gateSnapshot', { camera: camera.name })}
        />
      ) : null}
    </Space>
  );
}
