import type { Allocation } from '../cluster/cluster-state.js';

/**
 * Work a pod loses if preempted now, in milli-GPU nanoseconds: the time since its last
 * checkpoint (all its runtime if it never checkpoints) plus its restart cost, times its GPU
 * share. CPU-only pods weigh as one milli-GPU so that their loss still orders.
 *
 * @example
 * // 8 GPUs, checkpoint every 10 min, running 25 min, 2 min restart: (5 + 2) min x 8000 milli.
 */
export function lostWork(allocation: Allocation, nowNs: number): number {
  const pod = allocation.pod;
  const elapsed = Math.max(0, nowNs - allocation.startNs);
  const sinceCheckpoint = pod.checkpointIntervalNs === undefined ? elapsed : elapsed % pod.checkpointIntervalNs;
  return (sinceCheckpoint + pod.restartCostNs) * Math.max(1, pod.gpuCount * pod.gpuMilli);
}
