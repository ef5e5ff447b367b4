import { useEffect } from 'react';
import { clearway } from '../../app/clearway';

/** How often, at most, activity is reported to the idle-lock timer in the services. */
export const activityThrottleMs = 30_000;

/** Reports keyboard, pointer and wheel activity, at most once per 30 s. */
export function useActivityReporter(): void {
  useEffect(() => {
    let last = 0;
    function onActivity() {
      const now = Date.now();
      if (now - last < activityThrottleMs) return;
      last = now;
      clearway()
        .invoke('cw:auth.activity')
        .catch(() => undefined);
    }
    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', onActivity, options);
    window.addEventListener('pointerdown', onActivity, options);
    window.addEventListener('wheel', onActivity, options);
    return () => {
      window.removeEventListener('keydown', onActivity, options);
      window.removeEventListener('pointerdown', onActivity, options);
      window.removeEventListener('wheel', onActivity, options);
    };
  }, []);
}
