import { describe, expect, it } from 'vitest';
import { initialState, reduce, type DashboardAction, type DashboardState } from './state.js';

function run(actions: DashboardAction[], state: DashboardState = initialState()): DashboardState {
  return actions.reduce(reduce, state);
}

const typeText = (text: string): DashboardAction[] => Array.from(text, (c): DashboardAction => ({ type: 'type', text: c }));

describe('dashboard state', () => {
  it('navigates with : commands and aliases, and esc goes back', () => {
    const s = run([{ type: 'start-command' }, ...typeText('no'), { type: 'submit' }]);
    expect(s.view).toBe('nodes');
    const t = run([{ type: 'start-command' }, ...typeText('jobs'), { type: 'submit' }], s);
    expect(t.view).toBe('workloads');
    expect(run([{ type: 'cancel' }], t).view).toBe('nodes');
    expect(run([{ type: 'cancel' }, { type: 'cancel' }], t).view).toBe('overview');
  });

  it('flashes an unknown command and stays put', () => {
    const s = run([{ type: 'start-command' }, ...typeText('pods'), { type: 'submit' }]);
    expect(s.view).toBe('overview');
    expect(s.flash).toContain(':pods');
    expect(run([{ type: 'move', by: 1 }], s).flash).toBeUndefined();
  });

  it('filters with /, clears with esc, and supports editing', () => {
    const s = run([{ type: 'start-filter' }, ...typeText('llamx'), { type: 'erase' }, ...typeText('a'), { type: 'submit' }]);
    expect(s.filter).toBe('llama');
    expect(s.mode).toBe('normal');
    expect(run([{ type: 'cancel' }], s).filter).toBe('');
  });

  it('moves the selection, describes and returns', () => {
    const s = run([{ type: 'start-command' }, ...typeText('nodes'), { type: 'submit' }, { type: 'move', by: 3 }, { type: 'move', by: -1 }]);
    expect(s.selected).toBe(2);
    const d = run([{ type: 'describe' }], s);
    expect(d.view).toBe('describe');
    expect(d.selected).toBe(2);
    expect(run([{ type: 'cancel' }], d).view).toBe('nodes');
    expect(run([{ type: 'move', by: -10 }], s).selected).toBe(0);
  });

  it('sorts, toggles pause, steps speed within bounds, quits', () => {
    const s = run([{ type: 'sort', key: 'gpus' }]);
    expect([s.sortKey, s.sortDescending]).toEqual(['gpus', true]);
    expect(run([{ type: 'sort', key: 'gpus' }], s).sortDescending).toBe(false);
    expect(run([{ type: 'toggle-pause' }]).paused).toBe(true);
    expect(run([{ type: 'faster' }]).speed).toBe(10);
    expect(run(Array<DashboardAction>(20).fill({ type: 'faster' })).speed).toBe(1_000_000);
    expect(run(Array<DashboardAction>(20).fill({ type: 'slower' })).speed).toBe(0.000_001);
    // A speed between steps moves to the neighbouring step.
    expect(run([{ type: 'faster' }], initialState(20)).speed).toBe(100);
    expect(run([{ type: 'slower' }], initialState(20)).speed).toBe(10);
    expect(run([{ type: 'quit' }]).quit).toBe(true);
    expect(run([{ type: 'start-command' }, ...typeText('q'), { type: 'submit' }]).quit).toBe(true);
  });
});

describe('key presses', () => {
  it('takes a chunk of typed text one character at a time', async () => {
    const { reduceKeyPress } = await import('./use-dashboard-keys.js');
    const noKey = { return: false, escape: false, backspace: false, delete: false, upArrow: false, downArrow: false, ctrl: false };
    const typed = reduceKeyPress(initialState(), { type: 'key', input: ':nodes', key: noKey });
    expect([typed.mode, typed.input]).toEqual(['command', 'nodes']);
    const entered = reduceKeyPress(typed, { type: 'key', input: '\r', key: { ...noKey, return: true } });
    expect(entered.view).toBe('nodes');
    // tmux send-keys ':links' Enter arrives as one chunk with the carriage return inside.
    const chunk = reduceKeyPress(entered, { type: 'key', input: ':links\r', key: noKey });
    expect([chunk.view, chunk.mode, chunk.input]).toEqual(['links', 'normal', '']);
    const fabric = reduceKeyPress(chunk, { type: 'key', input: ':fabric\r', key: noKey });
    expect(fabric.view).toBe('fabric');
  });
});
