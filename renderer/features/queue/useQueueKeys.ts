import { useEffect } from 'react';
import type { Decision } from '../../../preload/contract/schemas/queue';
import { isTyping } from '../shell/keys';
import { useNav } from '../shell/navStore';
import { commandForKey, type QueueCommand } from './logic/keyboard';
import { SEARCH_INPUT_ID } from './FilterBar';
import { useQueue } from './queueStore';
import { useTriage } from './triageStore';

const decisionOf: Partial<Record<QueueCommand, Decision>> = {
  release: 'release',
  hold: 'hold',
  requestDocuments: 'requestDocuments',
  inspect: 'sendToInspection',
};

/** Whether a dialog, drawer or dropdown is up: then single keys belong to it. */
function overlayOpen(): boolean {
  return (
    document.querySelector(
      '.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open, .ant-select-dropdown:not(.ant-select-dropdown-hidden)',
    ) !== null
  );
}

/** Queue triage by keyboard, active while the queue tab is showing. */
export function useQueueKeys(enabled: boolean, assignToMe: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || useNav.getState().shortcutsOpen) return;
      if (useTriage.getState().pending || overlayOpen()) return;
      if (isTyping(event.target)) return;
      const command = commandForKey(event);
      if (!command) return;
      const q = useQueue.getState();
      const total = q.total ?? 0;
      const idAt = (i: number) => q.rowAt(i)?.number;
      event.preventDefault();
      switch (command) {
        case 'down':
        case 'up':
        case 'extendDown':
        case 'extendUp': {
          const delta = command === 'down' || command === 'extendDown' ? 1 : -1;
          q.dispatch({ type: 'move', delta, total, extend: command.startsWith('extend'), idAt });
          // An open detail pane follows the cursor.
          if (q.openId) {
            const next = useQueue.getState().cursor.cursor;
            const id = idAt(next);
            if (id) q.open(id);
          }
          return;
        }
        case 'open': {
          const id = q.cursor.cursor >= 0 ? idAt(q.cursor.cursor) : undefined;
          if (id) q.open(id);
          return;
        }
        case 'close':
          if (q.openId) q.open(null);
          else q.dispatch({ type: 'clear' });
          return;
        case 'toggleSelect': {
          const id = q.cursor.cursor >= 0 ? idAt(q.cursor.cursor) : undefined;
          if (id) q.dispatch({ type: 'toggle', id });
          return;
        }
        case 'assignMe':
          assignToMe();
          return;
        case 'focusSearch':
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
        default: {
          const decision = decisionOf[command];
          if (decision) useTriage.getState().request(decision);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, assignToMe]);
}
