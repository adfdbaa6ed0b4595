import type { Column } from '../../app/list.js';
import { bar, percent } from '../../format.js';
import type { LinkView } from '../../model/snapshot.js';
import { loadColor } from '../../theme.js';

export const linkColumns: readonly Column<LinkView>[] = [
  { key: 'name', title: 'LINK', width: 24, text: (l) => l.name },
  { key: 'tier', title: 'TIER', width: 10, text: (l) => l.tier },
  { key: 'util', title: 'UTILISATION', width: 22, text: (l) => `${bar(l.utilization, 14)} ${percent(l.utilization).padStart(4)}`, value: (l) => l.utilization },
  { key: 'pfc', title: 'PFC', width: 7, align: 'right', text: (l) => String(l.pfcPauses), value: (l) => l.pfcPauses },
  { key: 'ecn', title: 'ECN', width: 8, align: 'right', text: (l) => String(l.ecnMarks), value: (l) => l.ecnMarks },
];

export function linkRowColor(l: LinkView): string {
  return loadColor(l.utilization);
}
