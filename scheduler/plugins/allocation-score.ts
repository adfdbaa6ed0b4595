import type { ClusterState } from '../cluster/cluster-state.js';
import type { CycleContext, ScorePlugin } from '../framework/plugin.js';
import { podGpuMilli, type PodSpec } from '../workload/pod.js';
import { checkResourceWeights, DEFAULT_RESOURCE_WEIGHTS, type ResourceWeights } from './resource-weights.js';
import { GPU_MILLI } from '../cluster/gpu-pick.js';
import { DemandMemo } from './demand-memo.js';

/**
 * Score by the node's utilisation after placing the pod, as kube-scheduler's
 * `NodeResourcesFit` strategies: `most` (bin-pack) scores
 * 100 * sum_r w_r * used_r / cap_r / sum_r w_r; `least` (spread) uses the free share instead.
 * Dimensions the node lacks (GPU on a CPU node) are left out of both sums.
 *
 * @example
 * new AllocationScore('most');                          // MostAllocated, equal weights
 * new AllocationScore('least', { cpu: 1, memory: 0, gpu: 4 });
 */
export class AllocationScore implements ScorePlugin {
  readonly name: string;
  readonly stateOnly = true;
  readonly #most: boolean;
  readonly #weights: ResourceWeights;
  readonly #memo = new DemandMemo();

  constructor(strategy: 'most' | 'least', weights: ResourceWeights = DEFAULT_RESOURCE_WEIGHTS) {
    this.name = strategy === 'most' ? 'MostAllocated' : 'LeastAllocated';
    this.#most = strategy === 'most';
    this.#weights = checkResourceWeights(this.name, weights);
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    return allocationScore(ctx.cluster, this.#most, this.#weights, pod.cpuMilli, pod.memoryMiB, podGpuMilli(pod), node);
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    const cluster = ctx.cluster;
    const cpu = pod.cpuMilli;
    const memory = pod.memoryMiB;
    const gpu = podGpuMilli(pod);
    const most = this.#most;
    const w = this.#weights;
    const { value, version } = this.#memo.of(cluster, cpu, memory, gpu);
    for (let k = 0; k < count; k++) {
      const node = nodes[k]!;
      const v = cluster.version(node);
      if (version[node] !== v) {
        value[node] = allocationScore(cluster, most, w, cpu, memory, gpu, node);
        version[node] = v;
      }
      out[k] = value[node]!;
    }
  }
}

/** The score for a pod of the given demands; dimensions summed CPU, memory, GPU, in that order. */
function allocationScore(cluster: ClusterState, most: boolean, w: ResourceWeights, cpu: number, memory: number, gpu: number, node: number): number {
  let sum = 0;
  let weight = 0;
  const cpuCap = cluster.cpuCapacity(node);
  if (cpuCap > 0 && w.cpu > 0) {
    const freeAfter = cluster.freeCpu(node) - cpu;
    // Used (most) or free (least) share of the dimension after placement.
    sum += w.cpu * (most ? (cpuCap - freeAfter) / cpuCap : freeAfter / cpuCap);
    weight += w.cpu;
  }
  const memoryCap = cluster.memoryCapacity(node);
  if (memoryCap > 0 && w.memory > 0) {
    const freeAfter = cluster.freeMemory(node) - memory;
    sum += w.memory * (most ? (memoryCap - freeAfter) / memoryCap : freeAfter / memoryCap);
    weight += w.memory;
  }
  const gpuCap = cluster.gpuCountOf(node) * GPU_MILLI;
  if (gpuCap > 0 && w.gpu > 0) {
    const freeAfter = cluster.freeGpuMilli(node) - gpu;
    sum += w.gpu * (most ? (gpuCap - freeAfter) / gpuCap : freeAfter / gpuCap);
    weight += w.gpu;
  }
  return weight === 0 ? 0 : (100 * sum) / weight;
}
