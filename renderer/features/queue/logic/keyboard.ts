/**
 * Keyboard triage for the queue: which key means what, and how the cursor and
 * the selection move. Pure, so it is tested without a DOM.
 *
 * The cursor is a row index (rows are paged from the backend); the selection
 * holds declaration numbers, so it survives re-sorting and paging.
 */
export type QueueCommand =
  | 'down'
  | 'up'
  | 'extendDown'
  | 'extendUp'
  | 'open'
  | 'close'
  | 'toggleSelect'
  | 'release'
  | 'hold'
  | 'requestDocuments'
  | 'inspect'
  | 'assignMe'
  | 'focusSearch';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The shortcut list, in the order the hints and the `?` dialog show it. */
export const QUEUE_SHORTCUTS: readonly { keys: string[]; command: QueueCommand }[] = [
  { keys: ['j', '↓'], command: 'down' },
  { keys: ['k', '↑'], command: 'up' },
  { keys: ['Shift+J'], command: 'extendDown' },
  { keys: ['Shift+K'], command: 'extendUp' },
  { keys: ['x'], command: 'toggleSelect' },
  { keys: ['Enter'], command: 'open' },
  { keys: ['Esc'], command: 'close' },
  { keys: ['r'], command: 'release' },
  { keys: ['h'], command: 'hold' },
  { keys: ['d'], command: 'requestDocuments' },
  { keys: ['i'], command: 'inspect' },
  { keys: ['a'], command: 'assignMe' },
  { keys: ['/'], command: 'focusSearch' },
];

export function commandForKey(e: KeyLike): QueueCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return e.shiftKey ? 'extendDown' : 'down';
    case 'J':
      return 'extendDown';
    case 'k':
    case 'ArrowUp':
      return e.shiftKey ? 'extendUp' : 'up';
    case 'K':
      return 'extendUp';
    case 'Enter':
      return 'open';
    case 'Escape':
      return 'close';
    case 'x':
      return 'toggleSelect';
    case 'r':
      return 'release';
    case 'h':
      return 'hold';
    case 'd':
      return 'requestDocuments';
    case 'i':
      return 'inspect';
    case 'a':
      return 'assignMe';
    case '/':
      return 'focusSearch';
    default:
      return null;
  }
}

export interface CursorState {
  /** Row index of the cursor; -1 when the list is empty. */
  cursor: number;
  /** Selected declaration numbers, in the order they were picked. */
  selected: readonly string[];
}

export type CursorAction =
  | { type: 'move'; delta: number; total: number; extend: boolean; idAt: (index: number) => string | undefined }
  | { type: 'set'; index: number; total: number }
  | { type: 'toggle'; id: string }
  | { type: 'clear' }
  | { type: 'reset'; total: number };

export const initialCursor: CursorState = { cursor: -1, selected: [] };

const clamp = (i: number, total: number) => (total <= 0 ? -1 : Math.max(0, Math.min(total - 1, i)));

function withIds(selected: readonly string[], ids: (string | undefined)[]): readonly string[] {
  const add = ids.filter((id): id is string => id !== undefined && !selected.includes(id));
  return add.length === 0 ? selected : [...selected, ...add];
}

export function cursorReducer(state: CursorState, action: CursorAction): CursorState {
  switch (action.type) {
    case 'move': {
      const from = state.cursor < 0 ? (action.delta > 0 ? -1 : action.total) : state.cursor;
      const cursor = clamp(from + action.delta, action.total);
      if (!action.extend) return cursor === state.cursor ? state : { ...state, cursor };
      // Shift+j/k selects the row left and the row reached, like a mail client.
      const ids = [state.cursor >= 0 ? action.idAt(state.cursor) : undefined, cursor >= 0 ? action.idAt(cursor) : undefined];
      return { cursor, selected: withIds(state.selected, ids) };
    }
    case 'set': {
      const cursor = clamp(action.index, action.total);
      return cursor === state.cursor ? state : { ...state, cursor };
    }
    case 'toggle':
      return {
        ...state,
        selected: state.selected.includes(action.id)
          ? state.selected.filter((s) => s !== action.id)
          : [...state.selected, action.id],
      };
    case 'clear':
      return state.selected.length === 0 ? state : { ...state, selected: [] };
    case 'reset':
      return { cursor: clamp(state.cursor < 0 ? 0 : state.cursor, action.total), selected: state.selected };
  }
}
