import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useStatus } from '../../app/statusStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';

/** What the services need the officer to know (e.g. a store recovered from a corrupt snapshot), until dismissed. */
export function Notices() {
  const { t, i18n } = useTranslation();
  const notices = useStatus((s) => s.notices);
  const notify = useErrorNotifier();
  if (notices.length === 0) return null;

  async function dismiss(id: string) {
    try {
      await clearway().invoke('cw:app.dismissNotice', { id });
      useStatus.getState().removeNotice(id);
    } catch (error) {
      notify(error, t('notices.dismissFailed'));
    }
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section className="cw-notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          type={notice.level}
          showIcon
          data-testid="notice"
          title={`${t(`notices.levels.${notice.level}`)} · ${t(`notices.codes.${notice.code}`, { defaultValue: notice.message })}`}
          description={
            <>
              {notice.message !== t(`notices.codes.${notice.code}`, { defaultValue: notice.message }) ? (
                <div>{notice.message}</div>
              ) : null}
              <div style={{ opacity: 0.8 }}>{when.format(new Date(notice.at))}</div>
            </>
          }
          closable={{ onClose: () => void dismiss(notice.id), 'aria-label': t('notices.dismiss') }}
        />
      ))}
    </section>
  );
}
