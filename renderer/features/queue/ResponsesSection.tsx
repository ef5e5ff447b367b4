import { CopyOutlined } from '@ant-design/icons';
import { Button, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationDetail } from '../../../preload/contract/schemas/queue';
import { fullTime } from './format';

/** The CUSRES and WCO DM responses a decision produced, as written to the outbox. */
export function ResponsesSection({ detail }: { detail: DeclarationDetail }) {
  const { t, i18n } = useTranslation('queue');
  if (detail.responses.length === 0) return <p className="cw-muted">{t('responses.none')}</p>;
  return (
    <Collapse
      size="small"
      data-testid="responses"
      items={detail.responses.map((r) => ({
        key: r.id,
        label: (
          <span>
            <strong>{t(`responses.${r.kind}`)}</strong> · {t(`decision.${r.decision}`)} ·{' '}
            <span className="cw-num">{fullTime(r.createdAt, i18n.language)}</span>
          </span>
        ),
        extra: (
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined aria-hidden />}
            aria-label={t('responses.copy')}
            onClick={(e) => {
              e.stopPropagation();
              void navigator.clipboard?.writeText(r.content);
            }}
          />
        ),
        children: (
          <div>
            <div className="cw-muted" style={{ marginBottom: 4 }}>
              {t('responses.file')}: <span className="cw-mono">outbox/{r.fileName}</span>
            </div>
            <pre className="cw-code" tabIndex={0} aria-label={t(`responses.${r.kind}`)} data-testid={`response-${r.kind}`}>
              <code>{r.content}</code>
            </pre>
          </div>
        ),
      }))}
    />
  );
}
