import type { CycleContext, ScorePlugin } from '../framework/plugin.js';
import { podGpuMilli, type PodSpec } from '../workload/pod.js';
import { checkResourceWeights, DEFAULT_RESOURCE_WEIGHTS, type ResourceWeights } from './resource-weights.js';
import { GPU_MILLI } from '../cluster/gpu-pick.js';

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

  constructor(strategy: 'most' | 'least', weights: ResourceWeights = DEFAULT_RESOURCE_WEIGHTS) {
    this.name = strategy === 'most' ? 'MostAllocated' : 'LeastAllocated';
    this.#most = strategy === 'most';
    this.#weights = checkResourceWeights(this.name, weights);
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const cluster = ctx.cluster;
    const spec = cluster.node(node);
    const w = this.#weights;
    let sum = 0;
    let weight = 0;
    if (spec.cpuMilli > 0 && w.cpu > 0) {
      sum += w.cpu * this.#share(spec.cpuMilli, cluster.freeCpu(node) - pod.cpuMilli);
      weight += w.cpu;
    }
    if (spec.memoryMiB > 0 && w.memory > 0) {
      sum += w.memory * this.#share(spec.memoryMiB, cluster.freeMemory(node) - pod.memoryMiB);
      weight += w.memory;
    }
    const gpuCap = spec.gpuCount * GPU_MILLI;
    if (gpuCap > 0 && w.gpu > 0) {
      sum += w.gpu * this.#share(gpuCap, cluster.freeGpuMilli(node) - podGpuMilli(pod));
      weight += w.gpu;
    }
    return weight === 0 ? 0 : (100 * sum) / weight;
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    for (let k = 0; k < count; k++) out[k] = this.score(ctx, pod, nodes[k]!);
  }

  /** Used (most) or free (least) share of a dimension after placement. */
  #share(capacity: number, freeAfter: number): number {
    return this.#most ? (capacity - freeAfter) / capacity : freeAfter / capacity;
  }
}
