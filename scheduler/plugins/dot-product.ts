import { GPU_MILLI } from '../cluster/gpu-pick.js';
import { normalizeMinMax, type CycleContext, type ScorePlugin } from '../framework/plugin.js';
import { podGpuMilli, type PodSpec } from '../workload/pod.js';
import { DemandMemo } from './demand-memo.js';
import { checkResourceWeights, DEFAULT_RESOURCE_WEIGHTS, type ResourceWeights } from './resource-weights.js';

/**
 * Dot product (Tetris, Grandl et al., SIGCOMM'14): prefer the node whose free resources are
 * best aligned with the pod's demand, sum_r w_r * (demand_r / cap_r) * (free_r / cap_r), each
 * dimension normalised by the node's capacity. Min-max normalised.
 */
export class DotProduct implements ScorePlugin {
  readonly name = 'DotProduct';
  readonly stateOnly = true;
  readonly #weights: ResourceWeights;
  readonly #memo = new DemandMemo();

  constructor(weights: ResourceWeights = DEFAULT_RESOURCE_WEIGHTS) {
    this.#weights = checkResourceWeights(this.name, weights);
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const c = ctx.cluster;
    const spec = c.node(node);
    const w = this.#weights;
    let sum = 0;
    if (spec.cpuMilli > 0) sum += (w.cpu * pod.cpuMilli * c.freeCpu(node)) / (spec.cpuMilli * spec.cpuMilli);
    if (spec.memoryMiB > 0) sum += (w.memory * pod.memoryMiB * c.freeMemory(node)) / (spec.memoryMiB * spec.memoryMiB);
    const gpuCap = spec.gpuCount * GPU_MILLI;
    if (gpuCap > 0) sum += (w.gpu * podGpuMilli(pod) * c.freeGpuMilli(node)) / (gpuCap * gpuCap);
    return sum;
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    const cluster = ctx.cluster;
    const { value, version } = this.#memo.of(cluster, pod.cpuMilli, pod.memoryMiB, podGpuMilli(pod));
    for (let k = 0; k < count; k++) {
      const node = nodes[k]!;
      const v = cluster.version(node);
      if (version[node] !== v) {
        value[node] = this.score(ctx, pod, node);
        version[node] = v;
      }
      out[k] = value[node]!;
    }
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }
}
