import { Box, Text } from 'ink';
import type { SeriesView } from '../../model/snapshot.js';
import { theme } from '../../theme.js';
import { sparkline } from './sparkline.js';

/** One line per SLO series: name, sparkline, latest value against its target. */
export function SparklinesView({ series, width }: { series: readonly SeriesView[]; width: number }) {
  if (series.length === 0) return null;
  const nameWidth = Math.max(...series.map((s) => s.name.length));
  const plotWidth = Math.max(8, width - nameWidth - 24);
  return (
    <Box flexDirection="column">
      {series.map((s) => {
        const latest = s.values.at(-1);
        const over = latest !== undefined && s.target !== undefined && latest > s.target;
        return (
          <Text key={s.name}>
            {s.name.padEnd(nameWidth)} <Text color={over ? theme.bad : theme.good}>{sparkline(s.values, plotWidth, true, s.scaleMax)}</Text>{' '}
            {latest === undefined ? '-' : `${latest.toFixed(1)}${s.unit}`}
            {s.target === undefined ? '' : <Text color={theme.muted}> / {s.target}{s.unit}</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
