import type { LinkView } from '../../model/snapshot.js';

export const TIER_ORDER: readonly LinkView['tier'][] = ['host-leaf', 'leaf-spine', 'spine-core', 'nvlink'];

export interface TierSummary {
  tier: LinkView['tier'];
  links: number;
  /** Mean and largest utilisation of the tier's link directions, 0..1. */
  meanUtilization: number;
  maxUtilization: number;
  pfcPauses: number;
  /** NaN when some link of the tier has no per-link count. */
  ecnMarks: number;
}

/** Per tier (in fabric order, tiers without links left out): link count, mean and max load, PFC and ECN. */
export function tierSummaries(links: readonly LinkView[]): TierSummary[] {
  return TIER_ORDER.flatMap((tier) => {
    const of = links.filter((l) => l.tier === tier);
    if (of.length === 0) return [];
    return [
      {
        tier,
        links: of.length,
        meanUtilization: of.reduce((sum, l) => sum + l.utilization, 0) / of.length,
        maxUtilization: Math.max(...of.map((l) => l.utilization)),
        pfcPauses: of.reduce((sum, l) => sum + l.pfcPauses, 0),
        ecnMarks: of.reduce((sum, l) => sum + l.ecnMarks, 0),
      },
    ];
  });
}

/** The `count` busiest link directions, ties by name (stable across redraws). */
export function mostCongested(links: readonly LinkView[], count: number): LinkView[] {
  return [...links].sort((a, b) => b.utilization - a.utilization || b.pfcPauses - a.pfcPauses || a.name.localeCompare(b.name)).slice(0, Math.max(0, count));
}

/** A count, or `-` when unknown. */
export function countText(value: number): string {
  return Number.isNaN(value) ? '-' : String(value);
}

/** Fabric-wide PFC pauses and ECN marks: the snapshot's totals when given, else the links' sum. */
export function fabricTotals(links: readonly LinkView[], totals?: { pfcPauses: number; ecnMarks: number }): { pfcPauses: number; ecnMarks: number } {
  return totals ?? { pfcPauses: links.reduce((sum, l) => sum + l.pfcPauses, 0), ecnMarks: links.reduce((sum, l) => sum + l.ecnMarks, 0) };
}
