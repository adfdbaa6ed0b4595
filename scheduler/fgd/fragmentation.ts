import { GPU_MILLI } from '../cluster/gpu-pick.js';
import type { TargetWorkload, TaskClass } from './target-workload.js';

/**
 * The unallocated resources of one node, as the fragmentation measure reads them.
 * `gpuFree[0 .. gpuCount)` are the free milli-GPUs of each GPU.
 */
export interface NodeFreeView {
  readonly gpuType: string;
  readonly freeCpu: number;
  readonly freeMemory: number;
  readonly gpuFree: Int32Array;
  readonly gpuCount: number;
}

/**
 * F_n(m) of Weng et al. (USENIX ATC'23, section 4.1): how many of node n's unallocated
 * milli-GPUs task m could not use, were it to arrive now.
 *
 * - The node cannot run the task at all (too little CPU or memory, the wrong GPU model, or not
 *   enough GPUs with enough free capacity), or the task asks for no GPU: every unallocated
 *   GPU share of the node is a fragment.
 * - Otherwise, a GPU is a fragment when its free share is smaller than the task's per-GPU
 *   demand min(d, 1): such a GPU can never host this task, whatever else happens on the node.
 *
 * @example
 * // GPUs with 300 and 1000 milli free; a 500-milli task fits, and the 300-milli remnant is a fragment.
 * taskFragmentation({ gpuType: 'T4', freeCpu: 8000, freeMemory: 1e4, gpuFree: Int32Array.of(300, 1000), gpuCount: 2 },
 *   { cpuMilli: 1000, memoryMiB: 0, gpuCount: 1, gpuMilli: 500, gpuType: undefined, popularity: 1 }); // 300
 */
export function taskFragmentation(node: NodeFreeView, task: TaskClass): number {
  const { gpuFree, gpuCount } = node;
  let total = 0;
  let fragment = 0;
  let usable = 0;
  // Per-GPU demand; whole-GPU tasks need idle GPUs (d >= 1 caps at one GPU's capacity).
  const perGpu = Math.min(task.gpuMilli, GPU_MILLI);
  for (let g = 0; g < gpuCount; g++) {
    const free = gpuFree[g]!;
    total += free;
    if (free < perGpu) fragment += free;
    else usable++;
  }
  const runnable =
    task.gpuCount > 0 &&
    usable >= task.gpuCount &&
    node.freeCpu >= task.cpuMilli &&
    node.freeMemory >= task.memoryMiB &&
    (task.gpuType === undefined || task.gpuType === node.gpuType);
  return runnable ? fragment : total;
}

/**
 * F_n(M) = sum over task classes m of popularity(m) * F_n(m): the expected milli-GPUs of node n
 * that the next arriving task cannot use. Summed over nodes it is the cluster's fragmentation.
 *
 * @example
 * // Half the tasks want 500 milli, half a whole GPU; one GPU with 600 milli free:
 * // the 500-milli tasks see no fragment, whole-GPU tasks see 600. F = 0.5 * 0 + 0.5 * 600 = 300.
 */
export function nodeFragmentation(node: NodeFreeView, workload: TargetWorkload): number {
  if (node.gpuCount === 0) return 0;
  let sum = 0;
  for (const task of workload.classes) sum += task.popularity * taskFragmentation(node, task);
  return sum;
}
