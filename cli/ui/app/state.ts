/**
 * The dashboard's interaction state and its reducer: which view is shown, the command and
 * filter prompts, selection, sorting, pause and speed. Pure: key handling (`use-dashboard-keys`)
 * turns keys into actions, rendering reads the state; neither knows the other.
 */
export type ViewName = 'overview' | 'nodes' | 'workloads' | 'links' | 'fabric' | 'events' | 'help' | 'describe';

export type Mode = 'normal' | 'command' | 'filter';

export interface DashboardState {
  view: ViewName;
  /** Views to return to with `esc`. */
  back: ViewName[];
  mode: Mode;
  /** Text typed after `:` or `/`. */
  input: string;
  filter: string;
  /** Selected row in the current list view. */
  selected: number;
  sortKey: string;
  sortDescending: boolean;
  paused: boolean;
  /** Simulated seconds per wall second. */
  speed: number;
  /** A one-line message (unknown command, ...), cleared by the next key. */
  flash?: string;
  quit: boolean;
}

export type DashboardAction =
  | { type: 'start-command' }
  | { type: 'start-filter' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'submit' }
  | { type: 'cancel' }
  | { type: 'move'; by: number }
  | { type: 'describe' }
  | { type: 'help' }
  | { type: 'sort'; key: string }
  | { type: 'toggle-pause' }
  | { type: 'faster' }
  | { type: 'slower' }
  | { type: 'quit' };

/** `:` command aliases, as in k9s. */
export const COMMAND_ALIASES: Readonly<Record<string, ViewName>> = {
  overview: 'overview',
  home: 'overview',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
  jobs: 'workloads',
  job: 'workloads',
  deploy: 'workloads',
  deployments: 'workloads',
  workloads: 'workloads',
  wl: 'workloads',
  links: 'links',
  link: 'links',
  fabric: 'fabric',
  fab: 'fabric',
  events: 'events',
  ev: 'events',
  help: 'help',
};

/** Speed steps of + and -: down to a microsecond per second for packet-level fabric runs. */
export const SPEEDS = [0.000_001, 0.000_01, 0.000_1, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000] as const;

export function initialState(speed = 1): DashboardState {
  return {
    view: 'overview',
    back: [],
    mode: 'normal',
    input: '',
    filter: '',
    selected: 0,
    sortKey: 'name',
    sortDescending: false,
    paused: false,
    speed,
    quit: false,
  };
}

export function reduce(state: DashboardState, action: DashboardAction): DashboardState {
  const s: DashboardState = { ...state, flash: undefined };
  switch (action.type) {
    case 'start-command':
      return { ...s, mode: 'command', input: '' };
    case 'start-filter':
      return { ...s, mode: 'filter', input: s.filter };
    case 'type':
      return s.mode === 'normal' ? s : { ...s, input: s.input + action.text };
    case 'erase':
      return s.mode === 'normal' ? s : { ...s, input: s.input.slice(0, -1) };
    case 'submit':
      return submit(s);
    case 'cancel':
      if (s.mode !== 'normal') return { ...s, mode: 'normal', input: '' };
      if (s.filter !== '') return { ...s, filter: '', selected: 0 };
      return goBack(s);
    case 'move':
      return { ...s, selected: Math.max(0, s.selected + action.by) };
    case 'describe':
      return isListView(s.view) ? navigate(s, 'describe', false) : s;
    case 'help':
      return s.view === 'help' ? goBack(s) : navigate(s, 'help', false);
    case 'sort':
      return s.sortKey === action.key
        ? { ...s, sortDescending: !s.sortDescending }
        : { ...s, sortKey: action.key, sortDescending: action.key !== 'name' };
    case 'toggle-pause':
      return { ...s, paused: !s.paused };
    case 'faster':
      return { ...s, speed: stepSpeed(s.speed, 1) };
    case 'slower':
      return { ...s, speed: stepSpeed(s.speed, -1) };
    case 'quit':
      return { ...s, quit: true };
  }
}

/** Clamps the selection to a list of `length` rows (views call this when rendering). */
export function clampSelection(selected: number, length: number): number {
  return length === 0 ? 0 : Math.min(selected, length - 1);
}

function submit(s: DashboardState): DashboardState {
  if (s.mode === 'filter') return { ...s, mode: 'normal', filter: s.input.trim(), input: '', selected: 0 };
  if (s.mode !== 'command') return s;
  const word = s.input.trim().toLowerCase();
  const base = { ...s, mode: 'normal' as const, input: '' };
  if (word === 'q' || word === 'quit') return { ...base, quit: true };
  const view = COMMAND_ALIASES[word];
  if (view === undefined) return { ...base, flash: `unknown command ":${word}" (try :nodes, :jobs, :links, :fabric, :events, :help)` };
  return navigate(base, view, true);
}

function navigate(s: DashboardState, view: ViewName, resetFilter: boolean): DashboardState {
  if (s.view === view) return s;
  return {
    ...s,
    back: [...s.back, s.view],
    view,
    selected: view === 'describe' ? s.selected : 0,
    filter: resetFilter ? '' : s.filter,
  };
}

function goBack(s: DashboardState): DashboardState {
  const previous = s.back.at(-1);
  if (previous === undefined) return s;
  return { ...s, view: previous, back: s.back.slice(0, -1) };
}

function isListView(view: ViewName): boolean {
  return view === 'nodes' || view === 'workloads' || view === 'links' || view === 'events';
}

/** The next step above (or below) `speed`; a speed between steps (`--speed 20`) goes to its neighbour. */
function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction === 1) return SPEEDS.find((v) => v > speed) ?? SPEEDS[SPEEDS.length - 1]!;
  return [...SPEEDS].reverse().find((v) => v < speed) ?? SPEEDS[0];
}
