import type { ClusterState } from '../cluster/cluster-state.js';
import { GPU_MILLI } from '../cluster/gpu-pick.js';
import { normalizeMinMax, type CycleContext, type ScorePlugin } from '../framework/plugin.js';
import { podGpuMilli, type PodSpec } from '../workload/pod.js';
import { checkResourceWeights, DEFAULT_RESOURCE_WEIGHTS, type ResourceWeights } from './resource-weights.js';

/**
 * Best fit, the packing baseline of the FGD paper: prefer the node with the least resources
 * left after placing the pod, measured as the weighted sum over dimensions of the remaining
 * amount, each dimension scaled by the largest node capacity in the cluster (so a GPU left on
 * a 2-GPU node and on an 8-GPU node count the same). Raw score is minus that sum, then
 * min-max normalised.
 *
 * @example
 * new BestFit(cluster);                               // equal weights
 * new BestFit(cluster, { cpu: 0, memory: 0, gpu: 1 }); // GPU only
 */
export class BestFit implements ScorePlugin {
  readonly name = 'BestFit';
  readonly stateOnly = true;
  readonly #weights: ResourceWeights;
  readonly #scale: ResourceWeights;

  constructor(cluster: ClusterState, weights: ResourceWeights = DEFAULT_RESOURCE_WEIGHTS) {
    this.#weights = checkResourceWeights(this.name, weights);
    let cpu = 0;
    let memory = 0;
    let gpu = 0;
    for (let i = 0; i < cluster.nodeCount; i++) {
      const n = cluster.node(i);
      cpu = Math.max(cpu, n.cpuMilli);
      memory = Math.max(memory, n.memoryMiB);
      gpu = Math.max(gpu, n.gpuCount * GPU_MILLI);
    }
    // Each dimension's weight divided by its scale; a dimension no node has weighs nothing.
    this.#scale = {
      cpu: cpu > 0 ? this.#weights.cpu / cpu : 0,
      memory: memory > 0 ? this.#weights.memory / memory : 0,
      gpu: gpu > 0 ? this.#weights.gpu / gpu : 0,
    };
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const c = ctx.cluster;
    const s = this.#scale;
    return -(
      s.cpu * (c.freeCpu(node) - pod.cpuMilli) +
      s.memory * (c.freeMemory(node) - pod.memoryMiB) +
      s.gpu * (c.freeGpuMilli(node) - podGpuMilli(pod))
    );
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    for (let k = 0; k < count; k++) out[k] = this.score(ctx, pod, nodes[k]!);
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }
}
