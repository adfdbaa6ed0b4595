/** Milli-GPUs in one whole GPU. */
export const GPU_MILLI = 1000;

/**
 * Best fit inside one node: the `gpuCount` GPUs with the least free capacity that still hold
 * `gpuMilli` each, ties to the lowest index. Whole-GPU requests (`gpuMilli = 1000`) therefore take
 * the lowest-indexed idle GPUs. Writes node-local indexes into `out` and returns how many were
 * found (less than `gpuCount` means the request does not fit).
 *
 * `free[start .. start + count)` holds the node's free milli-GPUs. Shared by `ClusterState` and
 * the scoring plugins that evaluate a hypothetical placement, so both agree on the GPUs chosen.
 *
 * @example
 * const out: number[] = [];
 * bestFitGpus(Int32Array.of(1000, 300, 600), 0, 3, 1, 250, out); // 1, out = [1]
 */
export function bestFitGpus(
  free: Int32Array,
  start: number,
  count: number,
  gpuCount: number,
  gpuMilli: number,
  out: number[],
): number {
  out.length = 0;
  if (gpuCount === 0) return 0;
  if (gpuCount === 1) {
    let best = -1;
    let bestFree = GPU_MILLI + 1;
    for (let g = 0; g < count; g++) {
      const f = free[start + g]!;
      if (f >= gpuMilli && f < bestFree) {
        best = g;
        bestFree = f;
      }
    }
    if (best >= 0) out.push(best);
    return out.length;
  }
  // Several GPUs are always whole (podSpec enforces it): take idle ones in index order.
  for (let g = 0; g < count && out.length < gpuCount; g++) {
    if (free[start + g]! >= gpuMilli) out.push(g);
  }
  return out.length;
}
