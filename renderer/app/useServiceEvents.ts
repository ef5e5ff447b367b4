import { useEffect } from 'react';
import { clearway } from './clearway';
import { useSelection } from './selectionStore';
import { useSession } from './sessionStore';
import { useSettings } from './settingsStore';
import { useStatus } from './statusStore';

/** Keeps the app-wide stores in step with the services' events. */
export function useServiceEvents(): void {
  useEffect(() => {
    const api = clearway();
    const loadNotices = () =>
      api.invoke('cw:app.notices').then(
        (notices) => useStatus.getState().setNotices(notices),
        () => undefined,
      );
    const offs = [
      api.on('cw:auth.changed', (session) => {
        useSession.getState().setSession(session);
        // Some notices are for supervisors only: who sees which changes with who is signed in.
        void loadNotices();
      }),
      api.on('cw:settings.changed', (settings) => useSettings.getState().replace(settings)),
      api.on('cw:app.statusChanged', (status) => useStatus.getState().setStatus(status)),
      api.on('cw:app.notice', (notice) => useStatus.getState().addNotice(notice)),
      api.on('cw:windows.selectionChanged', (selection) => useSelection.getState().applyRemote(selection)),
    ];
    api.invoke('cw:app.status').then(
      (status) => useStatus.getState().setStatus(status),
      () => undefined,
    );
    void loadNotices();
    return () => offs.forEach((off) => off());
  }, []);
}
