import { CopyOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeclarationDetail } from '../../../preload/contract/schemas/queue';
import { fullTime } from './format';

/**
 * How the newest version was read: the message implementation profile and why it was
 * chosen, its warnings (what was missing or unknown, never a reject), and the message
 * as received, where content no profile maps can still be read.
 */
export function ReceivedSection({ detail }: { detail: DeclarationDetail }) {
  const { t, i18n } = useTranslation('queue');
  const [read, ...earlier] = detail.reads;
  if (!read) return <p className="cw-muted">{t('reads.none')}</p>;
  return (
    <div data-testid="received">
      <dl className="cw-facts">
        <dt>{t('reads.profile')}</dt>
        <dd className="cw-mono" data-testid="received-profile">
          {read.profile}
        </dd>
        <dt>{t('reads.reason')}</dt>
        <dd>{read.reason}</dd>
        <dt>{t('reads.importedAt')}</dt>
        <dd className="cw-num">
          {fullTime(read.importedAt, i18n.language)}
          {earlier.length > 0 ? ` · ${t('reads.earlier', { count: earlier.length })}` : ''}
        </dd>
      </dl>
      {read.warnings.length === 0 ? (
        <p className="cw-muted">{t('reads.noWarnings')}</p>
      ) : (
        <div role="list" aria-label={t('reads.warnings', { count: read.warnings.length })} data-testid="received-warnings">
          <strong>
            <WarningOutlined aria-hidden /> {t('reads.warnings', { count: read.warnings.length })}
          </strong>
          {read.warnings.map((w, i) => (
            <div role="listitem" key={i} className="cw-received-warning">
              {w.where ? <span className="cw-mono">{w.where}: </span> : null}
              {w.message}
            </div>
          ))}
        </div>
      )}
      <Collapse
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'raw',
            label: t('reads.raw'),
            extra: (
              <Button
                size="small"
                type="text"
                icon={<CopyOutlined aria-hidden />}
                aria-label={t('reads.copy')}
                onClick={(e) => {
                  e.stopPropagation();
                  void navigator.clipboard?.writeText(read.raw);
                }}
              />
            ),
            children: (
              <pre className="cw-code" tabIndex={0} aria-label={t('reads.raw')} data-testid="received-raw">
                <code>{read.raw}</code>
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}
