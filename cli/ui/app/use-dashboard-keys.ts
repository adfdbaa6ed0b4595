import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { reduce, type DashboardAction, type DashboardState } from './state.js';

/**
 * Key bindings (k9s-like) -> actions. The only place that knows about keys; the state reducer
 * and the views never see a key.
 *
 * Keys reach the reducer as one `KeyPress`, translated against the state the reducer holds at
 * that moment (`reduceKeyPress`), not the state of the last render: keys typed faster than
 * the redraw rate (`:nodes<enter>` pasted at once) must still see `:` switch to command mode.
 */
export type KeyPress = { type: 'key'; input: string; key: KeyInfo };

export function useDashboardKeys(dispatch: Dispatch<KeyPress>, active = true): void {
  useInput(
    (input, key) => {
      dispatch({ type: 'key', input, key });
    },
    { isActive: active },
  );
}

/**
 * The dashboard's reducer: key presses become actions against the current state. Text that
 * arrives in one chunk (a paste, or tmux send-keys) is taken one character at a time, so
 * `:nodes` switches to command mode before `nodes` is typed.
 */
export function reduceKeyPress(state: DashboardState, action: DashboardAction | KeyPress): DashboardState {
  if (action.type !== 'key') return reduce(state, action);
  const { input, key } = action;
  if (input.length <= 1 || key.ctrl) return actionsFor(state, input, key).reduce(reduce, state);
  let next = state;
  for (const char of input) next = actionsFor(next, char, keyOfChar(char, key)).reduce(reduce, next);
  return next;
}

/** Control characters inside a chunk (`:nodes\r` from a paste or tmux) act as their keys. */
function keyOfChar(char: string, chunkKey: KeyInfo): KeyInfo {
  const plain = { ...chunkKey, return: false, escape: false, backspace: false, delete: false };
  if (char === '\r' || char === '\n') return { ...plain, return: true };
  if (char === '\u001b') return { ...plain, escape: true };
  if (char === '\u007f' || char === '\b') return { ...plain, backspace: true };
  return plain;
}

export interface KeyInfo {
  return: boolean;
  escape: boolean;
  backspace: boolean;
  delete: boolean;
  upArrow: boolean;
  downArrow: boolean;
  ctrl: boolean;
}

/** Exported for tests: the actions one keypress produces in a given state. */
export function actionsFor(state: DashboardState, input: string, key: KeyInfo): DashboardAction[] {
  if (state.mode !== 'normal') {
    if (key.return) return [{ type: 'submit' }];
    if (key.escape) return [{ type: 'cancel' }];
    if (key.backspace || key.delete) return [{ type: 'erase' }];
    // Printable text only: control characters never enter the prompt.
    return input === '' || key.ctrl || hasControlCharacter(input) ? [] : [{ type: 'type', text: input }];
  }
  if (key.return) return [{ type: 'describe' }];
  if (key.escape) return [{ type: 'cancel' }];
  if (key.downArrow) return [{ type: 'move', by: 1 }];
  if (key.upArrow) return [{ type: 'move', by: -1 }];
  if (key.ctrl && input === 'c') return [{ type: 'quit' }];
  switch (input) {
    case ':':
      return [{ type: 'start-command' }];
    case '/':
      return [{ type: 'start-filter' }];
    case 'j':
      return [{ type: 'move', by: 1 }];
    case 'k':
      return [{ type: 'move', by: -1 }];
    case '?':
      return [{ type: 'help' }];
    case ' ':
      return [{ type: 'toggle-pause' }];
    case '+':
    case '=':
      return [{ type: 'faster' }];
    case '-':
      return [{ type: 'slower' }];
    case 'q':
      return [{ type: 'quit' }];
    case 'N':
      return [{ type: 'sort', key: 'name' }];
    case 'G':
      return [{ type: 'sort', key: 'gpus' }];
    case 'T':
      return [{ type: 'sort', key: state.view === 'links' ? 'util' : 'ttft' }];
    case 'S':
      return [{ type: 'sort', key: 'state' }];
    default:
      return [];
  }
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
