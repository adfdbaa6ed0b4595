import type { Column } from '../../app/list.js';
import { bar, formatBytes, percent } from '../../format.js';
import type { LinkView } from '../../model/snapshot.js';
import { loadColor } from '../../theme.js';
import { countText } from './tiers.js';

export const linkColumns: readonly Column<LinkView>[] = [
  { key: 'name', title: 'LINK', width: 24, text: (l) => l.name },
  { key: 'tier', title: 'TIER', width: 10, text: (l) => l.tier },
  { key: 'util', title: 'UTILISATION', width: 22, text: (l) => `${bar(l.utilization, 14)} ${percent(l.utilization).padStart(4)}`, value: (l) => l.utilization },
  { key: 'queue', title: 'QUEUE', width: 8, align: 'right', text: (l) => (l.queueBytes === undefined ? '-' : formatBytes(l.queueBytes)), value: (l) => l.queueBytes ?? -1 },
  { key: 'pfc', title: 'PFC', width: 7, align: 'right', text: (l) => String(l.pfcPauses), value: (l) => l.pfcPauses },
  { key: 'ecn', title: 'ECN', width: 8, align: 'right', text: (l) => countText(l.ecnMarks), value: (l) => (Number.isNaN(l.ecnMarks) ? -1 : l.ecnMarks) },
  { key: 'rate', title: 'Gb/s', width: 6, align: 'right', text: (l) => (l.rateGbps === undefined ? '-' : String(Math.round(l.rateGbps))), value: (l) => l.rateGbps ?? -1 },
];

export function linkRowColor(l: LinkView): string {
  return loadColor(l.utilization);
}
