import { Collapse, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationDetail } from '../../../preload/contract/schemas/queue';
import { ChangesTable } from './ChangesTable';
import { fullTime } from './format';

/** Every received version, newest first, each with the fields it changed from the one before. */
export function VersionsSection({ detail }: { detail: DeclarationDetail }) {
  const { t, i18n } = useTranslation('queue');
  const newest = detail.versions[0]?.version;
  return (
    <Collapse
      size="small"
      data-testid="versions"
      defaultActiveKey={detail.versions.length > 1 && newest !== undefined ? [String(newest)] : []}
      items={detail.versions.map((v) => ({
        key: String(v.version),
        label: (
          <span data-testid={`version-${v.version}`}>
            <strong>{t('versions.version', { version: v.version })}</strong> · {t(`versions.function.${v.functionCode}`)} ·{' '}
            <Tag className="cw-version-outcome" data-outcome={v.outcome}>
              {t(`versions.outcome.${v.outcome}`)}
            </Tag>
            <span className="cw-num cw-muted">{fullTime(v.receivedAt, i18n.language)}</span>
          </span>
        ),
        children: (
          <div>
            <div className="cw-muted" style={{ marginBottom: 6 }}>
              {t('versions.source')}: <span className="cw-mono">{v.sourceFile}</span> · {v.format} ·{' '}
              <span className="cw-mono" title={v.contentHash}>
                {v.contentHash.slice(0, 12) || '–'}
              </span>
              {v.duplicates > 0 ? ` · ${t('versions.duplicates', { count: v.duplicates })}` : ''}
            </div>
            {v.review ? (
              <p data-testid={`version-${v.version}-review`}>
                {t('versions.reviewed', { by: v.review.by, at: fullTime(v.review.at, i18n.language) })} “{v.review.note}”
              </p>
            ) : v.outcome === 'postRelease' ? (
              <p className="cw-muted">{t('versions.awaitingReview')}</p>
            ) : null}
            {v.version === detail.versions.at(-1)?.version ? (
              <p className="cw-muted">{t('versions.first')}</p>
            ) : (
              <ChangesTable changes={v.changes} testId={`version-${v.version}-changes`} />
            )}
          </div>
        ),
      }))}
    />
  );
}
