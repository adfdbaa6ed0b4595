import { Box, Text } from 'ink';
import { bar, fit, percent } from '../../format.js';
import type { LinkView } from '../../model/snapshot.js';
import { loadColor, theme } from '../../theme.js';

/** Overview panel: the most congested links with bars, and fabric-wide PFC/ECN totals. */
export function FabricSummaryView({ links, width, count }: { links: readonly LinkView[]; width: number; count: number }) {
  if (links.length === 0) {
    return (
      <Text color={theme.muted}>
        fabric: not modelled in this scenario
      </Text>
    );
  }
  const top = [...links].sort((a, b) => b.utilization - a.utilization || a.name.localeCompare(b.name)).slice(0, count);
  const pauses = links.reduce((sum, l) => sum + l.pfcPauses, 0);
  const marks = links.reduce((sum, l) => sum + l.ecnMarks, 0);
  const nameWidth = Math.min(24, Math.max(8, ...top.map((l) => l.name.length)));
  const barWidth = Math.max(6, Math.min(30, width - nameWidth - 10));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title}>
        fabric <Text color={theme.muted}>({links.length} links, {pauses} PFC pauses, {marks} ECN marks)</Text>
      </Text>
      {top.map((l) => (
        <Text key={l.name}>
          {fit(l.name, nameWidth)} <Text color={loadColor(l.utilization)}>{bar(l.utilization, barWidth)}</Text> {percent(l.utilization).padStart(4)}
        </Text>
      ))}
    </Box>
  );
}
