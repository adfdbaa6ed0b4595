import { Box, Text } from 'ink';
import { formatSimTime } from '../../format.js';
import type { EventKindView, EventView } from '../../model/snapshot.js';
import { theme } from '../../theme.js';

const KIND_COLOR: Readonly<Record<EventKindView, string>> = {
  placement: theme.good,
  pending: theme.warn,
  departure: theme.muted,
  'scale-up': theme.good,
  'scale-down': theme.warn,
  lend: theme.lent,
  reclaim: theme.lent,
  violation: theme.bad,
  info: theme.muted,
  start: theme.good,
  finish: theme.muted,
  congestion: theme.warn,
};

/** The newest `height` events, newest last, optionally filtered. */
export function EventLogView({ events, height, filter }: { events: readonly EventView[]; height: number; filter: string }) {
  const needle = filter.toLowerCase();
  const matching = needle === '' ? events : events.filter((e) => `${e.kind} ${e.message}`.toLowerCase().includes(needle));
  const shown = matching.slice(-Math.max(1, height));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        events({matching.length})
      </Text>
      {shown.map((e, i) => (
        <Text key={`${e.timeNs}-${i}`} wrap="truncate-end">
          <Text color={theme.muted}>{formatSimTime(e.timeNs).padStart(12)}</Text> <Text color={KIND_COLOR[e.kind]}>{e.kind.padEnd(10)}</Text> {e.message}
        </Text>
      ))}
    </Box>
  );
}
