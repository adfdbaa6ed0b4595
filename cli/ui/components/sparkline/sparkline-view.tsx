import { Box, Text } from 'ink';
import type { SeriesView } from '../../model/snapshot.js';
import { theme } from '../../theme.js';
import { sparkline } from './sparkline.js';

/**
 * Top of a series' plot: its fixed `scaleMax`; with a target, twice the target (or the series'
 * peak if higher), so half height is the SLO: bars under half meet it, bars above miss it;
 * otherwise the series' own peak.
 */
export function plotTop(series: SeriesView, shown: readonly number[]): number | undefined {
  if (series.scaleMax !== undefined) return series.scaleMax;
  if (series.target === undefined) return undefined;
  return Math.max(2 * series.target, ...shown);
}

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
          <Text key={s.name} wrap="truncate-end">
            {s.name.padEnd(nameWidth)} <Text color={over ? theme.bad : theme.good}>{sparkline(s.values, plotWidth, true, plotTop(s, s.values.slice(-plotWidth)))}</Text>{' '}
            {latest === undefined ? '-' : `${latest.toFixed(1)}${s.unit}`}
            {s.target === undefined ? '' : <Text color={theme.muted}> / {s.target}{s.unit}</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
