import { CheckCircleOutlined, CloseCircleOutlined, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Card, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import type { EvidenceItem } from '../../../preload/contract/schemas/evidence';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { isReadOnly } from './caseReadOnly';
import { EvidenceTransfer } from './EvidenceTransfer';
import { uploadEvidence } from './fileTransfer';

/**
 * The services make the thumbnail: the list never reads an evidence file, since every
 * read of one is an entry in its chain of custody.
 */
function Thumbnail({ caseId, item }: { caseId: string; item: EvidenceItem }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!item.mediaType.startsWith('image/') || item.verify.state === 'missing') return;
    let cancelled = false;
    void clearway()
      .invoke('cw:evidence.thumbnail', { caseId, evidenceId: item.id })
      .then((thumb) => {
        if (!cancelled) setUrl(thumb ? `data:${thumb.mediaType};base64,${thumb.base64}` : null);
      })
      .catch(() => setUrl(null));
    return () => {
      cancelled = true;
    };
  }, [caseId, item.id, item.mediaType, item.verify.state]);
  return url ? (
    <img
      src={url}
      alt={item.fileName}
      style={{ width: '100%', height: 96, objectFit: 'cover' }}
      data-testid="evidence-thumbnail"
    />
  ) : (
    <FileOutlined style={{ fontSize: 48, padding: 24 }} aria-hidden />
  );
}

export function EvidenceGrid({ detail, onAdded }: { detail: CaseDetail; onAdded: () => void }) {
  const { t } = useTranslation('cases');
  const notify = useErrorNotifier();
  const [busy, setBusy] = useState(false);
  return (
    <div>
      {isReadOnly(detail) ? null : (
        <Upload.Dragger
          multiple
          showUploadList={false}
          disabled={busy}
          customRequest={async ({ file, onSuccess, onError }) => {
            setBusy(true);
            try {
              await uploadEvidence(detail.id, file as File);
              onSuccess?.({});
              onAdded();
            } catch (error) {
              notify(error, t('evidence.addFailed'));
              onError?.(error as Error);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>
            <InboxOutlined aria-hidden /> {t('evidence.drop')}
          </p>
        </Upload.Dragger>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8, marginTop: 8 }}>
        {detail.evidence.map((item) => (
          <Card key={item.id} size="small" cover={<Thumbnail caseId={detail.id} item={item} />} data-testid="evidence-item">
            <Typography.Text strong ellipsis>
              {item.fileName}
            </Typography.Text>
            <div>
              {item.verify.state === 'ok' ? (
                <Tag icon={<CheckCircleOutlined />} color="success">
                  {t('evidence.verified')}
                </Tag>
              ) : (
                <Tag icon={<CloseCircleOutlined />} color="error">
                  {t(`evidence.${item.verify.state}`)}
                </Tag>
              )}
              <span className="cw-num">{item.bytes.toLocaleString()} B</span>
            </div>
            <Typography.Text code copyable style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid="evidence-sha256">
              {item.sha256}
            </Typography.Text>
            {/* Still offered on a closed case: custody of seized goods goes on after closing. */}
            <div style={{ marginTop: 6 }}>
              <EvidenceTransfer caseId={detail.id} item={item} />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
