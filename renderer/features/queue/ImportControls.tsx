import { CheckCircleOutlined, CloseCircleOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Modal, Progress, Table, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reject } from '../../../preload/contract/schemas/declarations';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { importPercent, useImport } from './importStore';

export const IMPORT_ACCEPT = '.edi,.edifact,.txt,.xml,.json,.cusdec';

/** Rejects as a table: file, message, segment (or path), reason. */
export function RejectsTable({ rejects, testId }: { rejects: Reject[]; testId: string }) {
  const { t } = useTranslation('queue');
  return (
    <Table<Reject>
      size="small"
      pagination={rejects.length > 10 ? { pageSize: 10, size: 'small' } : false}
      rowKey={(r) => `${r.file}-${r.messageIndex ?? 'x'}-${r.segmentNumber ?? 'x'}-${r.reason}`}
      dataSource={rejects}
      data-testid={testId}
      columns={[
        { title: t('rejects.file'), dataIndex: 'file', ellipsis: true },
        {
          title: t('rejects.message'),
          key: 'message',
          render: (_: unknown, r) =>
            r.messageRef ?? (r.messageIndex === null ? t('rejects.interchange') : `#${r.messageIndex + 1}`),
        },
        {
          title: t('rejects.segment'),
          key: 'segment',
          render: (_: unknown, r) =>
            r.segmentNumber !== null ? (
              <span className="cw-mono">
                {r.segmentNumber}
                {r.segmentTag ? ` ${r.segmentTag}` : ''}
              </span>
            ) : r.path ? (
              <span className="cw-mono">{r.path}</span>
            ) : (
              '–'
            ),
        },
        { title: t('rejects.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/**
 * Toolbar button: the file dialog. In Electron the main process shows its own dialog and
 * reads the picked files itself (the page never names a path); in the browser the files
 * chosen in the page's file input are uploaded.
 */
export function ImportButton({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('queue');
  const input = useRef<HTMLInputElement>(null);
  const running = useImport((s) => s.running);
  const hostDialog = useSession((s) => s.info.host === 'electron');
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        aria-label={t('import.choose')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void useImport.getState().importFiles(files);
        }}
      />
      <Tooltip title={t('import.tooltip')}>
        <Button
          size="small"
          icon={<UploadOutlined aria-hidden />}
          loading={running}
          onClick={() => (hostDialog ? void useImport.getState().importFromDialog() : input.current?.click())}
          data-testid="import-button"
        >
          {children ?? t('import.button')}
        </Button>
      </Tooltip>
    </>
  );
}

/** The progress bar while files are sent and imported. */
export function ImportProgressBar() {
  const { t } = useTranslation('queue');
  const s = useImport();
  useEffect(() => clearway().on('cw:queue.importProgress', (p) => useImport.getState().onProgress(p)), []);
  if (!s.running) return null;
  return (
    <div className="cw-import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <span>
        {t('import.running', { file: s.file ?? '' })}
        {s.progress ? ` · ${t('import.counts', { imported: s.progress.imported, rejected: s.progress.rejected })}` : ''}
      </span>
      <Progress percent={importPercent(s)} size="small" style={{ flex: 1, margin: 0 }} />
    </div>
  );
}

/** After an import: what came in, what was rejected and why. */
export function ImportSummary() {
  const { t } = useTranslation('queue');
  const { summaryOpen, results, failures, closeSummary } = useImport();
  const imported = results.reduce((n, r) => n + r.imported, 0);
  const rejected = results.reduce((n, r) => n + r.rejected, 0);
  const amended = results.reduce((n, r) => n + r.amended, 0);
  const cancelled = results.reduce((n, r) => n + r.cancelled, 0);
  const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
  const rejects = results.flatMap((r) => r.rejects);
  return (
    <Modal
      open={summaryOpen}
      title={t('import.summaryTitle')}
      onCancel={closeSummary}
      onOk={closeSummary}
      okText={t('close')}
      okButtonProps={{ ...({ 'data-testid': 'import-summary-close' } as Record<string, string>) }}
      cancelButtonProps={{ hidden: true }}
      width={820}
      destroyOnHidden
    >
      <div data-testid="import-summary">
        <p>
          <CheckCircleOutlined aria-hidden /> {t('import.imported', { count: imported })}
          {' · '}
          {rejected > 0 ? <WarningOutlined aria-hidden /> : null} {t('import.rejected', { count: rejected })}
          {amended > 0 ? ` · ${t('import.amended', { count: amended })}` : ''}
          {cancelled > 0 ? ` · ${t('import.cancelled', { count: cancelled })}` : ''}
          {duplicates > 0 ? (
            <span data-testid="import-duplicates"> · {t('import.duplicates', { count: duplicates })}</span>
          ) : null}
        </p>
        <ul className="cw-import-files">
          {results.map((r) => (
            <li key={r.file}>
              <span className="cw-mono">{r.file}</span> · {r.format ? t(`format.${r.format}`) : t('format.unknown')} ·{' '}
              {t('import.fileCounts', { imported: r.imported, rejected: r.rejected })}
            </li>
          ))}
          {failures.map((f) => (
            <li key={`${f.file}-${f.message}`} className="cw-error-text">
              <CloseCircleOutlined aria-hidden />{' '}
              {f.file ? (
                <>
                  <span className="cw-mono">{f.file}</span>:{' '}
                </>
              ) : null}
              {f.message}
            </li>
          ))}
        </ul>
        {rejects.length > 0 ? (
          <>
            <h3 className="cw-subhead">{t('rejects.title')}</h3>
            <RejectsTable rejects={rejects} testId="import-rejects" />
          </>
        ) : null}
      </div>
    </Modal>
  );
}
