import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function zoneName(date: Date, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local time with its zone, ticking each second. */
export function Clock() {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const locale = i18n.language;
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const zone = zoneName(now, locale);
  const iana = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <time
      className="cw-status-item"
      dateTime={now.toISOString()}
      title={t('status.clockTitle', { zone: iana })}
      data-testid="status-clock"
    >
      {date} {time} {zone}
    </time>
  );
}
