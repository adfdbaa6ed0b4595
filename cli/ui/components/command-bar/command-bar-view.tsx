import { Text } from 'ink';
import type { DashboardState } from '../../app/state.js';
import { theme } from '../../theme.js';

/** Bottom line: the `:` or `/` prompt while typing, a flash message, or the key hint. */
export function CommandBarView({ state }: { state: DashboardState }) {
  if (state.mode === 'command') return <Text color={theme.warn}>:{state.input}█</Text>;
  if (state.mode === 'filter') return <Text color={theme.warn}>/{state.input}█</Text>;
  if (state.flash !== undefined) return <Text color={theme.bad}>{state.flash}</Text>;
  return <Text color={theme.muted}>:{state.view} · ? help · : command · / filter · space {state.paused ? 'resume' : 'pause'} · q quit</Text>;
}
