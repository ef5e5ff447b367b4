import { AuditOutlined, ContainerOutlined, FileTextOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MarkerLinkKind } from '../../../../preload/contract/schemas/site';
import type { SceneMarker } from '../scene/sceneSite';

const icons: Record<MarkerLinkKind, React.ReactNode> = {
  declaration: <FileTextOutlined aria-hidden />,
  case: <AuditOutlined aria-hidden />,
  lane: <NodeIndexOutlined aria-hidden />,
  container: <ContainerOutlined aria-hidden />,
};

/**
 * Hotspots over the camera picture. The scene positions each button every frame
 * (straight on the element, no React render), so they stay anchored while the view turns.
 */
export function MarkerLayer({
  markers,
  elements,
  onMarker,
}: {
  markers: readonly SceneMarker[];
  elements: { readonly current: Map<string, HTMLElement> };
  onMarker(marker: SceneMarker): void;
}) {
  const { t } = useTranslation('port');
  return (
    <div className="cw-marker-layer">
      {markers.map((marker) => (
        <button
          key={marker.id}
          type="button"
          hidden
          className="cw-marker"
          data-testid="panorama-marker"
          data-marker={marker.id}
          ref={(element) => {
            if (element) elements.current.set(marker.id, element);
            else elements.current.delete(marker.id);
          }}
          onClick={() => onMarker(marker)}
          title={t(`marker.open.${marker.link.kind}`, { ref: marker.link.ref })}
        >
          {icons[marker.link.kind]}
          <span>{marker.label}</span>
        </button>
      ))}
    </div>
  );
}
