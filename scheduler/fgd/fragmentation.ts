import { GPU_MILLI } from '../cluster/gpu-pick.js';
import { MAX_GPUS_PER_NODE } from '../cluster/node-spec.js';
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
 * Equal to summing `taskFragmentation` over the classes (a test checks it), but
 * O(G log G + D + M) instead of O(M x G) for G GPUs, D distinct demands and M classes: the
 * node's free shares are sorted once, and a merge with the ascending demands gives, per demand,
 * the fragment sum (prefix sum of the shares below it) and the usable GPU count.
 *
 * @example
 * // Half the tasks want 500 milli, half a whole GPU; one GPU with 600 milli free:
 * // the 500-milli tasks see no fragment, whole-GPU tasks see 600. F = 0.5 * 0 + 0.5 * 600 = 300.
 */
export function nodeFragmentation(node: NodeFreeView, workload: TargetWorkload): number {
  const g = node.gpuCount;
  if (g === 0) return 0;
  const w = workload.compiled;
  const sorted = scratch.sorted;
  // Insertion sort: G is at most a few dozen.
  let total = 0;
  for (let i = 0; i < g; i++) {
    const v = node.gpuFree[i]!;
    total += v;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > v) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = v;
  }
  const demands = w.demands;
  const d = demands.length;
  if (scratch.fragment.length < d) {
    scratch.fragment = new Float64Array(d);
    scratch.usable = new Int32Array(d);
  }
  const fragment = scratch.fragment;
  const usable = scratch.usable;
  let below = 0;
  let prefix = 0;
  for (let j = 0; j < d; j++) {
    const demand = demands[j]!;
    while (below < g && sorted[below]! < demand) prefix += sorted[below++]!;
    fragment[j] = prefix;
    usable[j] = g - below;
  }
  const typeId = w.gpuTypes.length === 0 ? -1 : w.gpuTypes.indexOf(node.gpuType);
  let sum = w.cpuOnlyPopularity * total;
  const m = w.popularity.length;
  const { demandIndex, gpuType, gpuCount, cpuMilli, memoryMiB, popularity } = w;
  const freeCpu = node.freeCpu;
  const freeMemory = node.freeMemory;
  for (let k = 0; k < m; k++) {
    const j = demandIndex[k]!;
    const type = gpuType[k]!;
    const runnable = usable[j]! >= gpuCount[k]! && freeCpu >= cpuMilli[k]! && freeMemory >= memoryMiB[k]! && (type < 0 || type === typeId);
    sum += popularity[k]! * (runnable ? fragment[j]! : total);
  }
  return sum;
}

/** Scratch buffers of `nodeFragmentation` (single-threaded; reused so the loop allocates nothing). */
const scratch = {
  sorted: new Int32Array(MAX_GPUS_PER_NODE),
  fragment: new Float64Array(0),
  usable: new Int32Array(0),
};
