import { Box, Text } from 'ink';
import { formatSimTime, formatSpeed, percent } from '../../format.js';
import type { DashboardSnapshot } from '../../model/snapshot.js';
import { theme } from '../../theme.js';

/** Top line: simulated time and speed, GPU totals, SLO attainment. */
export function HeaderView({ snapshot, paused, speed }: { snapshot: DashboardSnapshot; paused: boolean; speed: number }) {
  const { totals } = snapshot;
  const attainment = snapshot.sloAttainment;
  return (
    <Box justifyContent="space-between">
      <Text>
        <Text bold color={theme.title}>
          weft
        </Text>{' '}
        t={formatSimTime(snapshot.timeNs)} {paused ? <Text color={theme.warn}>[paused]</Text> : `speed ${formatSpeed(speed)}`}
        {!paused && snapshot.budgetLimited === true ? <Text color={theme.warn}> (simulation-bound)</Text> : ''}
        {snapshot.title === undefined ? '' : <Text color={theme.muted}> · {snapshot.title}</Text>}
      </Text>
      <Text>
        GPUs {totals.used}/{totals.gpus} used, <Text color={theme.lent}>{totals.lent} lent</Text>, {totals.free} free
        {'  '}SLO{' '}
        {attainment === undefined ? (
          <Text color={theme.muted}>-</Text>
        ) : (
          <Text color={attainment >= 0.99 ? theme.good : attainment >= 0.95 ? theme.warn : theme.bad}>{percent(attainment, 1)}</Text>
        )}
      </Text>
    </Box>
  );
}
