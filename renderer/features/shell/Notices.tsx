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
      {notices.map((notice) => {
        const title = t(`notices.codes.${notice.code}`, { defaultValue: notice.message });
        // A notice with params has translated details; otherwise the service's words follow the title.
        const detail = notice.params
          ? t(`notices.details.${notice.code}`, { ...notice.params, defaultValue: notice.message })
          : notice.message !== title
            ? notice.message
            : null;
        return (
          <Alert
            key={notice.id}
            type={notice.level}
            showIcon
            data-testid="notice"
            data-code={notice.code}
            title={`${t(`notices.levels.${notice.level}`)} · ${title}`}
            description={
              <>
                {detail ? <div>{detail}</div> : null}
                <div style={{ opacity: 0.8 }}>{when.format(new Date(notice.at))}</div>
              </>
            }
            closable={{ onClose: () => void dismiss(notice.id), 'aria-label': t('notices.dismiss') }}
          />
        );
      })}
    </section>
  );
}
