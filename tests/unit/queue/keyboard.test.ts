import { describe, expect, it } from 'vitest';
import {
  commandForKey,
  cursorReducer,
  initialCursor,
  QUEUE_SHORTCUTS,
  type KeyLike,
  type CursorState,
} from '../../../renderer/features/queue/logic/keyboard';

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...over,
});
const idAt = (i: number) => `D${i}`;

describe('commandForKey', () => {
  it('maps the triage keys', () => {
    expect(commandForKey(key('j'))).toBe('down');
    expect(commandForKey(key('k'))).toBe('up');
    expect(commandForKey(key('J', { shiftKey: true }))).toBe('extendDown');
    expect(commandForKey(key('K', { shiftKey: true }))).toBe('extendUp');
    expect(commandForKey(key('Enter'))).toBe('open');
    expect(commandForKey(key('Escape'))).toBe('close');
    expect(commandForKey(key('r'))).toBe('release');
    expect(commandForKey(key('h'))).toBe('hold');
    expect(commandForKey(key('d'))).toBe('requestDocuments');
    expect(commandForKey(key('i'))).toBe('inspect');
    expect(commandForKey(key('a'))).toBe('assignMe');
    expect(commandForKey(key('x'))).toBe('toggleSelect');
    expect(commandForKey(key('/'))).toBe('focusSearch');
  });
  it('leaves modified keys and other letters to the rest of the window', () => {
    expect(commandForKey(key('r', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('j', { altKey: true }))).toBeNull();
    expect(commandForKey(key('q'))).toBeNull();
  });
  it('lists a hint for every command', () => {
    const listed = new Set(QUEUE_SHORTCUTS.map((s) => s.command));
    for (const k of ['j', 'k', 'J', 'K', 'Enter', 'Escape', 'x', 'r', 'h', 'd', 'i', 'a', '/']) {
      const command = commandForKey(key(k, { shiftKey: k === 'J' || k === 'K' }));
      expect(command && listed.has(command)).toBe(true);
    }
  });
});

describe('cursorReducer', () => {
  it('starts on the first row going down and the last going up', () => {
    expect(cursorReducer(initialCursor, { type: 'move', delta: 1, total: 5, extend: false, idAt }).cursor).toBe(0);
    expect(cursorReducer(initialCursor, { type: 'move', delta: -1, total: 5, extend: false, idAt }).cursor).toBe(4);
  });
  it('stops at both ends', () => {
    let s: CursorState = { cursor: 4, selected: [] };
    s = cursorReducer(s, { type: 'move', delta: 1, total: 5, extend: false, idAt });
    expect(s.cursor).toBe(4);
    s = cursorReducer({ cursor: 0, selected: [] }, { type: 'move', delta: -1, total: 5, extend: false, idAt });
    expect(s.cursor).toBe(0);
  });
  it('stays empty on an empty list', () => {
    expect(cursorReducer(initialCursor, { type: 'move', delta: 1, total: 0, extend: false, idAt }).cursor).toBe(-1);
  });
  it('extends the selection with Shift+j/k without duplicates', () => {
    let s = cursorReducer({ cursor: 1, selected: [] }, { type: 'move', delta: 1, total: 5, extend: true, idAt });
    expect(s).toEqual({ cursor: 2, selected: ['D1', 'D2'] });
    s = cursorReducer(s, { type: 'move', delta: 1, total: 5, extend: true, idAt });
    expect(s.selected).toEqual(['D1', 'D2', 'D3']);
    s = cursorReducer(s, { type: 'move', delta: -1, total: 5, extend: true, idAt });
    expect(s.selected).toEqual(['D1', 'D2', 'D3']);
  });
  it('toggles and clears the selection', () => {
    let s = cursorReducer(initialCursor, { type: 'toggle', id: 'D7' });
    expect(s.selected).toEqual(['D7']);
    s = cursorReducer(s, { type: 'toggle', id: 'D7' });
    expect(s.selected).toEqual([]);
    s = cursorReducer({ cursor: 0, selected: ['D1'] }, { type: 'clear' });
    expect(s.selected).toEqual([]);
  });
  it('keeps the cursor inside a list that shrank', () => {
    expect(cursorReducer({ cursor: 9, selected: [] }, { type: 'reset', total: 3 }).cursor).toBe(2);
    expect(cursorReducer({ cursor: 2, selected: [] }, { type: 'reset', total: 0 }).cursor).toBe(-1);
  });
});
