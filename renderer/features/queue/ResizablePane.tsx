import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const MIN = 360;
const MAX = 1100;
const STEP = 24;

function stored(key: string, fallback: number): number {
  const n = Number(localStorage.getItem(key));
  return Number.isFinite(n) && n >= MIN && n <= MAX ? n : fallback;
}

/** A right-hand pane with a drag (or arrow-key) handle; remembers its width per workstation. */
export function ResizablePane({
  storageKey,
  defaultWidth,
  children,
}: {
  storageKey: string;
  defaultWidth: number;
  children: ReactNode;
}) {
  const { t } = useTranslation('queue');
  const [width, setWidth] = useState(() => stored(storageKey, defaultWidth));
  const drag = useRef<{ x: number; w: number } | null>(null);

  const set = useCallback((w: number) => setWidth(Math.round(Math.max(MIN, Math.min(MAX, w)))), []);
  useEffect(() => localStorage.setItem(storageKey, String(width)), [storageKey, width]);

  return (
    <div className="cw-pane" style={{ width }}>
      <div
        className="cw-pane-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('detail.resize')}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, w: width };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) set(drag.current.w + (drag.current.x - e.clientX));
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') set(width + STEP);
          else if (e.key === 'ArrowRight') set(width - STEP);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {children}
    </div>
  );
}
