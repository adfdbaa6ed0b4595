import type { GpuCellView } from '../../model/snapshot.js';
import { theme, workloadColor } from '../../theme.js';

/** Glyph and colour of one GPU cell: free, fractional, whole, or lent. */
export function cellAppearance(cell: GpuCellView): { glyph: string; color: string; dim: boolean } {
  if (cell.lent) return { glyph: theme.glyph.lentGpu, color: theme.lent, dim: false };
  if (cell.allocated <= 0 || cell.workload === undefined) return { glyph: theme.glyph.freeGpu, color: theme.muted, dim: true };
  const glyph = cell.allocated >= 1 ? theme.glyph.fullGpu : theme.glyph.partialGpu;
  // Low-priority (preemptible) work is drawn dim so the GPUs it could give back stand out.
  return { glyph, color: workloadColor(cell.workload), dim: (cell.priority ?? 0) < 0 };
}
