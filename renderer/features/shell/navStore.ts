import { create } from 'zustand';
import { useSelection } from '../../app/selectionStore';
import { isScreen, type Screen } from './navItems';

/** The open screen, mirrored in the URL hash so a reload comes back to it. */
interface NavStore {
  screen: Screen;
  shortcutsOpen: boolean;
  go(screen: Screen): void;
  setShortcutsOpen(open: boolean): void;
  /** Shows a declaration in the queue (from a port marker or a vehicle in the scene). */
  openDeclaration(number: string): void;
  /** Shows a case in the cases screen. */
  openCase(id: string): void;
}

function fromHash(): Screen {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return isScreen(hash) ? hash : 'queue';
}

export const useNav = create<NavStore>((set, get) => ({
  screen: fromHash(),
  shortcutsOpen: false,
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.replaceState(null, '', `#/${screen}`);
    set({ screen });
  },
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  openDeclaration(number) {
    useSelection.getState().selectDeclaration(number);
    get().go('queue');
  },
  openCase(id) {
    useSelection.getState().selectCase(id);
    get().go('cases');
  },
}));
