import { Card } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { ScreenHeader } from '../shell/ScreenHeader';
import { EndShiftForm } from './EndShiftForm';
import { RecentShifts } from './RecentShifts';
import { StartShiftForm } from './StartShiftForm';
import { useShifts } from './shiftStore';

export function ShiftScreen() {
  const { t } = useTranslation();
  const shift = useSession((s) => s.session.shift);
  const load = useShifts((s) => s.load);
  const notify = useErrorNotifier();

  useEffect(() => {
    load().catch((error: unknown) => notify(error, t('shift.loadFailed')));
  }, [load, notify, t]);

  return (
    <section data-testid="screen-shift">
      <ScreenHeader title={t('nav.shift')} description={t('shift.description')} />
      <div className="cw-grid-2">
        {shift ? <EndShiftForm shift={shift} /> : <StartShiftForm />}
        <Card size="small" title={t('shift.recentTitle')}>
          <RecentShifts />
        </Card>
      </div>
    </section>
  );
}
