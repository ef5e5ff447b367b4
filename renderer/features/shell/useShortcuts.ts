import { useLayoutEffect } from 'react';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { useSession } from '../../app/sessionStore';
import { isTyping } from './keys';
import { allNavItems } from './navItems';
import { useNav } from './navStore';

const chordWindowMs = 1500;

/**
 * Window-wide shortcuts: Alt+1..7 and `g` then a letter to move between screens,
 * `?` for the list, Alt+L to lock, Alt+T to switch theme.
 *
 * The listener is attached in the same commit that puts the shell on screen
 * (a layout effect), so a key pressed the moment the shell appears is not lost.
 */
export function useShortcuts(toggleTheme: () => void): void {
  const notify = useErrorNotifier();
  useLayoutEffect(() => {
    let chordAt = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const nav = useNav.getState();
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const digit = /^Digit(\d)$/.exec(event.code)?.[1];
        const item = digit ? allNavItems.find((i) => i.digit === digit) : undefined;
        if (item) {
          event.preventDefault();
          nav.go(item.screen);
          return;
        }
        if (event.code === 'KeyL') {
          event.preventDefault();
          clearway()
            .invoke('cw:auth.lock')
            .then((s) => useSession.getState().setSession(s))
            .catch((error: unknown) => notify(error));
          return;
        }
        if (event.code === 'KeyT') {
          event.preventDefault();
          toggleTheme();
          return;
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        nav.setShortcutsOpen(true);
        return;
      }
      const now = Date.now();
      if (chordAt && now - chordAt < chordWindowMs) {
        chordAt = 0;
        const item = allNavItems.find((i) => i.letter === event.key.toLowerCase());
        if (item) {
          event.preventDefault();
          nav.go(item.screen);
        }
        return;
      }
      if (event.key === 'g' && !event.shiftKey) chordAt = now;
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleTheme, notify]);
}
