import { Box, Text } from 'ink';
import { bar, fit, formatDuration, percent } from '../../format.js';
import type { LinkView } from '../../model/snapshot.js';
import { loadColor, theme } from '../../theme.js';
import { countText, fabricTotals, mostCongested } from './tiers.js';

export interface FabricSummaryProps {
  links: readonly LinkView[];
  width: number;
  count: number;
  windowNs?: number;
  totals?: { pfcPauses: number; ecnMarks: number };
}

/** Overview panel: the most congested links with bars, and fabric-wide PFC/ECN totals. */
export function FabricSummaryView({ links, width, count, windowNs, totals }: FabricSummaryProps) {
  if (links.length === 0) {
    return (
      <Text color={theme.muted}>
        fabric: not modelled in this scenario
      </Text>
    );
  }
  const top = mostCongested(links, count);
  const sums = fabricTotals(links, totals);
  const nameWidth = Math.min(24, Math.max(8, ...top.map((l) => l.name.length)));
  const barWidth = Math.max(6, Math.min(30, width - nameWidth - 10));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title} wrap="truncate-end">
        fabric{' '}
        <Text color={theme.muted}>
          {links.length} links · {sums.pfcPauses} PFC · {countText(sums.ecnMarks)} ECN{windowNs === undefined ? '' : ` · last ${formatDuration(windowNs)}`}
        </Text>
      </Text>
      {top.map((l) => (
        <Text key={l.name} wrap="truncate-end">
          {fit(l.name, nameWidth)} <Text color={loadColor(l.utilization)}>{bar(l.utilization, barWidth)}</Text> {percent(l.utilization).padStart(4)}
        </Text>
      ))}
    </Box>
  );
}
