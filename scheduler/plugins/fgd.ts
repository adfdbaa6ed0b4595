import { bestFitGpus } from '../cluster/gpu-pick.js';
import { nodeFragmentation } from '../fgd/fragmentation.js';
import { MutableNodeView } from '../fgd/node-view.js';
import { classKey, type TargetWorkload } from '../fgd/target-workload.js';
import { normalizeMinMax, type CycleContext, type ScorePlugin } from '../framework/plugin.js';
import type { PodSpec } from '../workload/pod.js';

/**
 * Fragmentation Gradient Descent (Weng et al., USENIX ATC'23): place the pod where the
 * expected fragmentation against the target workload grows least. For a feasible node n the
 * raw score is F_n(M) - F_n'(M), the decrease of the node's fragmentation when the pod lands on
 * it (n' is n after the placement, on the GPUs `ClusterState.pickGpus` would choose); min-max
 * normalised to [0, 100].
 *
 * Cost: F_n(M) is O(classes x GPUs). Both F_n and F_n' are cached per node and invalidated by
 * the node's version, F_n' per pod class, so a cycle costs one map lookup per node except on
 * nodes changed since they were last scored. Pods of one class share cache entries.
 *
 * @example
 * const fgd = new FragmentationGradient(TargetWorkload.fromPods(trace));
 */
export class FragmentationGradient implements ScorePlugin {
  readonly name = 'FGD';
  readonly #workload: TargetWorkload;
  readonly #view = new MutableNodeView();
  readonly #picked: number[] = [];
  /** Per node: cluster version the caches below belong to (-1: none). */
  #cachedVersion = new Float64Array(0).fill(-1);
  #current = new Float64Array(0);
  #after: Map<string, number>[] = [];
  #keyPod: PodSpec | undefined;
  #key = '';

  constructor(workload: TargetWorkload) {
    this.#workload = workload;
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const cluster = ctx.cluster;
    if (this.#cachedVersion.length !== cluster.nodeCount) this.#resize(cluster.nodeCount);
    if (pod !== this.#keyPod) {
      this.#keyPod = pod;
      this.#key = classKey(pod);
    }
    const version = cluster.version(node);
    const after = this.#after[node]!;
    if (this.#cachedVersion[node] !== version) {
      this.#cachedVersion[node] = version;
      this.#current[node] = nodeFragmentation(this.#view.load(cluster, node), this.#workload);
      after.clear();
    }
    let fragmentAfter = after.get(this.#key);
    if (fragmentAfter === undefined) {
      fragmentAfter = this.#fragmentationAfter(ctx, pod, node);
      after.set(this.#key, fragmentAfter);
    }
    return this.#current[node]! - fragmentAfter;
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }

  /** F_n'(M) with the pod placed on the node's best-fit GPUs (the filters guarantee it fits). */
  #fragmentationAfter(ctx: CycleContext, pod: PodSpec, node: number): number {
    const view = this.#view.load(ctx.cluster, node);
    bestFitGpus(view.gpuFree, 0, view.gpuCount, pod.gpuCount, pod.gpuMilli, this.#picked);
    for (const g of this.#picked) view.gpuFree[g]! -= pod.gpuMilli;
    view.freeCpu -= pod.cpuMilli;
    view.freeMemory -= pod.memoryMiB;
    return nodeFragmentation(view, this.#workload);
  }

  #resize(n: number): void {
    this.#cachedVersion = new Float64Array(n).fill(-1);
    this.#current = new Float64Array(n);
    this.#after = Array.from({ length: n }, () => new Map<string, number>());
  }
}
