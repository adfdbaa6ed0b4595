import type { ClusterState } from '../cluster/cluster-state.js';
import { bestFitGpus } from '../cluster/gpu-pick.js';
import { nodeFragmentation } from '../fgd/fragmentation.js';
import { MutableNodeView } from '../fgd/node-view.js';
import { classKey, type TargetWorkload } from '../fgd/target-workload.js';
import { normalizeMinMax, type CycleContext, type GpuSelectPlugin, type ScorePlugin } from '../framework/plugin.js';
import type { PodSpec } from '../workload/pod.js';

/**
 * Fragmentation Gradient Descent (Weng et al., USENIX ATC'23): place the pod where the
 * expected fragmentation against the target workload grows least. For a feasible node n the
 * raw score is F_n(M) - F_n'(M), the decrease of the node's fragmentation when the pod lands on
 * it; min-max normalised to [0, 100]. For a GPU-sharing pod, n' is the best of the node's
 * GPUs that can hold it (the one whose use grows fragmentation least, ties to best fit), and
 * `selectGpus` makes the framework take that GPU; whole-GPU pods take idle GPUs, which are
 * interchangeable.
 *
 * Cost: F_n(M) is O(classes + GPUs) (see `nodeFragmentation`). Both F_n and F_n' are cached
 * per node, stamped with the node's version, F_n' per pod class (pods with equal demands share
 * a small integer class id), in typed arrays: a cycle costs two array reads per node except on
 * nodes changed since they were last scored.
 *
 * @example
 * const fgd = new FragmentationGradient(TargetWorkload.fromPods(trace));
 */
export class FragmentationGradient implements ScorePlugin, GpuSelectPlugin {
  readonly name = 'FGD';
  readonly stateOnly = true;
  readonly #workload: TargetWorkload;
  readonly #view = new MutableNodeView();
  readonly #picked: number[] = [];
  /** Per node: cluster version `#current` belongs to (-1: none). */
  #currentVersion = new Float64Array(0);
  #current = new Float64Array(0);
  /** Per pod class id, per node: F_n' and the node version it was computed at (-1: none). */
  readonly #afterVersion: Float64Array[] = [];
  readonly #after: Float64Array[] = [];
  readonly #classIds = new Map<string, number>();
  #keyPod: PodSpec | undefined;
  #classId = 0;

  constructor(workload: TargetWorkload) {
    this.#workload = workload;
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    this.#prepare(ctx.cluster, pod);
    return this.#scoreOne(ctx, pod, node);
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    this.#prepare(ctx.cluster, pod);
    for (let k = 0; k < count; k++) out[k] = this.#scoreOne(ctx, pod, nodes[k]!);
  }

  /** Sizes the caches for the cluster and finds the pod's class id. */
  #prepare(cluster: ClusterState, pod: PodSpec): void {
    const n = cluster.nodeCount;
    if (this.#current.length !== n) {
      this.#currentVersion = new Float64Array(n).fill(-1);
      this.#current = new Float64Array(n);
      this.#afterVersion.length = 0;
      this.#after.length = 0;
      this.#classIds.clear();
    }
    if (pod !== this.#keyPod) {
      this.#keyPod = pod;
      this.#classId = this.#classIdOf(pod, n);
    }
  }

  /** F_n - F_n' from the caches, recomputing what changed since (after `#prepare`). */
  #scoreOne(ctx: CycleContext, pod: PodSpec, node: number): number {
    const cluster = ctx.cluster;
    const version = cluster.version(node);
    if (this.#currentVersion[node] !== version) {
      this.#currentVersion[node] = version;
      this.#current[node] = nodeFragmentation(this.#view.load(cluster, node), this.#workload);
    }
    const afterVersion = this.#afterVersion[this.#classId]!;
    const after = this.#after[this.#classId]!;
    if (afterVersion[node] !== version) {
      afterVersion[node] = version;
      after[node] = this.#fragmentationAfter(ctx, pod, node);
    }
    return this.#current[node]! - after[node]!;
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }

  selectGpus(ctx: CycleContext, pod: PodSpec, node: number): readonly number[] | undefined {
    if (pod.gpuCount !== 1 || pod.gpuMilli >= 1000) return undefined;
    this.#fragmentationAfter(ctx, pod, node);
    return [this.#bestGpu];
  }

  #bestGpu = -1;

  /**
   * F_n'(M) with the pod placed on the node (the filters guarantee it fits). For a sharing pod,
   * the minimum over candidate GPUs, one per distinct free amount, trying best fit first so
   * that ties keep it; the winner is left in `#bestGpu`.
   */
  #fragmentationAfter(ctx: CycleContext, pod: PodSpec, node: number): number {
    const view = this.#view.load(ctx.cluster, node);
    view.freeCpu -= pod.cpuMilli;
    view.freeMemory -= pod.memoryMiB;
    bestFitGpus(view.gpuFree, 0, view.gpuCount, pod.gpuCount, pod.gpuMilli, this.#picked);
    for (const g of this.#picked) view.gpuFree[g]! -= pod.gpuMilli;
    let best = nodeFragmentation(view, this.#workload);
    if (pod.gpuCount !== 1 || pod.gpuMilli >= 1000) return best;
    const first = this.#picked[0]!;
    view.gpuFree[first]! += pod.gpuMilli;
    this.#bestGpu = first;
    const tried = this.#tried;
    tried.length = 0;
    tried.push(view.gpuFree[first]!);
    for (let g = 0; g < view.gpuCount; g++) {
      const free = view.gpuFree[g]!;
      if (free < pod.gpuMilli || tried.includes(free)) continue;
      tried.push(free);
      view.gpuFree[g] = free - pod.gpuMilli;
      const f = nodeFragmentation(view, this.#workload);
      view.gpuFree[g] = free;
      if (f < best) {
        best = f;
        this.#bestGpu = g;
      }
    }
    return best;
  }

  readonly #tried: number[] = [];

  #classIdOf(pod: PodSpec, nodeCount: number): number {
    const key = classKey(pod);
    let id = this.#classIds.get(key);
    if (id === undefined) {
      id = this.#after.length;
      this.#classIds.set(key, id);
      this.#after.push(new Float64Array(nodeCount));
      this.#afterVersion.push(new Float64Array(nodeCount).fill(-1));
    }
    return id;
  }
}
