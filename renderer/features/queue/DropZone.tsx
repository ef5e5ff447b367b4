import { InboxOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport } from './importStore';

/** Drop declaration files anywhere on the queue to import them. */
export function DropZone({ children }: { children: ReactNode }) {
  const { t } = useTranslation('queue');
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');
  return (
    <div
      className="cw-dropzone"
      data-testid="queue-dropzone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void useImport.getState().importFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
      {over ? (
        <div className="cw-drop-overlay" aria-hidden>
          <InboxOutlined />
          <span>{t('import.drop')}</span>
        </div>
      ) : null}
    </div>
  );
}
