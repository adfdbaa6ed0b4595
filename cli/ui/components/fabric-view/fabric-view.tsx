import { Box, Text } from 'ink';
import { bar, fit, formatBytes, formatDuration, percent } from '../../format.js';
import type { DashboardSnapshot } from '../../model/snapshot.js';
import { loadColor, theme } from '../../theme.js';
import { countText, fabricTotals, mostCongested, tierSummaries } from './tiers.js';

/**
 * `:fabric`: load per tier (mean bar, busiest link), then the most congested link directions
 * with utilisation bars over the recent window, queue depth, PFC pauses and ECN marks. Fills
 * the height it is given; `:links` lists every link.
 */
export function FabricView({ snapshot, width, height }: { snapshot: DashboardSnapshot; width: number; height: number }) {
  const links = snapshot.links;
  if (links.length === 0) return <Text color={theme.muted}>fabric: not modelled in this scenario</Text>;
  const tiers = tierSummaries(links);
  const totals = fabricTotals(links, snapshot.fabricTotals);
  const window = snapshot.linkWindowNs === undefined ? '' : ` over the last ${formatDuration(snapshot.linkWindowNs)}`;
  const top = mostCongested(links, Math.max(1, height - tiers.length - 5));
  const nameWidth = Math.min(28, Math.max(11, ...top.map((l) => l.name.length)));
  // Every line fits the width: the bars take what the fixed columns leave (48 + name columns).
  const barWidth = Math.max(6, Math.min(40, width - nameWidth - 49));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title} wrap="truncate-end">
        fabric{' '}
        <Text color={theme.muted}>
          · {links.length} link directions · {totals.pfcPauses} PFC pauses · {countText(totals.ecnMarks)} ECN marks · utilisation{window}
        </Text>
      </Text>
      <Text bold wrap="truncate-end">{`${'TIER'.padEnd(nameWidth)} ${'LINKS'.padStart(5)}  ${'MEAN'.padEnd(barWidth + 5)} ${'MAX'.padStart(4)} ${'PFC'.padStart(7)} ${'ECN'.padStart(8)}`}</Text>
      {tiers.map((t) => (
        <Text key={t.tier} wrap="truncate-end">
          {t.tier.padEnd(nameWidth)} {String(t.links).padStart(5)}  <Text color={loadColor(t.meanUtilization)}>{bar(t.meanUtilization, barWidth)}</Text> {percent(t.meanUtilization).padStart(4)}{' '}
          <Text color={loadColor(t.maxUtilization)}>{percent(t.maxUtilization).padStart(4)}</Text> {String(t.pfcPauses).padStart(7)} {countText(t.ecnMarks).padStart(8)}
        </Text>
      ))}
      <Text bold color={theme.title}>
        most congested
      </Text>
      {top.map((l) => (
        <Text key={l.name} wrap="truncate-end">
          {fit(l.name, nameWidth)} <Text color={theme.muted}>{l.tier.padEnd(10)}</Text> <Text color={loadColor(l.utilization)}>{bar(l.utilization, barWidth)}</Text>{' '}
          {percent(l.utilization).padStart(4)} q {(l.queueBytes === undefined ? '-' : formatBytes(l.queueBytes)).padStart(7)} PFC {String(l.pfcPauses).padStart(5)} ECN {countText(l.ecnMarks).padStart(6)}
        </Text>
      ))}
    </Box>
  );
}
