import { useTranslation } from 'react-i18next';
import { QUEUE_SHORTCUTS } from './logic/keyboard';

/** The triage keys, always visible under the table. */
export function ShortcutHints() {
  const { t } = useTranslation('queue');
  return (
    <div className="cw-hints" aria-label={t('shortcuts.label')} data-testid="queue-hints">
      {QUEUE_SHORTCUTS.map((s) => (
        <span key={s.command} className="cw-hint">
          {s.keys.map((k) => (
            <kbd key={k} className="cw-kbd">
              {k}
            </kbd>
          ))}
          <span>{t(`shortcuts.${s.command}`)}</span>
        </span>
      ))}
      <span className="cw-hint">
        <kbd className="cw-kbd">?</kbd>
        <span>{t('shortcuts.all')}</span>
      </span>
    </div>
  );
}
