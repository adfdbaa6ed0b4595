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
    const add = (wr: number, cap: number, freeAfter: number): void => {
      if (cap <= 0 || wr === 0) return;
      const share = this.#most ? (cap - freeAfter) / cap : freeAfter / cap;
      sum += wr * share;
      weight += wr;
    };
    add(w.cpu, spec.cpuMilli, cluster.freeCpu(node) - pod.cpuMilli);
    add(w.memory, spec.memoryMiB, cluster.freeMemory(node) - pod.memoryMiB);
    add(w.gpu, spec.gpuCount * GPU_MILLI, cluster.freeGpuMilli(node) - podGpuMilli(pod));
    return weight === 0 ? 0 : (100 * sum) / weight;
  }
}
