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
 * Cost: F_n(M) is O(classes + GPUs) (see `nodeFragmentation`). Both F_n and F_n' are cached
 * per node, stamped with the node's version, F_n' per pod class (pods with equal demands share
 * a small integer class id), in typed arrays: a cycle costs two array reads per node except on
 * nodes changed since they were last scored.
 *
 * @example
 * const fgd = new FragmentationGradient(TargetWorkload.fromPods(trace));
 */
export class FragmentationGradient implements ScorePlugin {
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
    const cluster = ctx.cluster;
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

  /** F_n'(M) with the pod placed on the node's best-fit GPUs (the filters guarantee it fits). */
  #fragmentationAfter(ctx: CycleContext, pod: PodSpec, node: number): number {
    const view = this.#view.load(ctx.cluster, node);
    bestFitGpus(view.gpuFree, 0, view.gpuCount, pod.gpuCount, pod.gpuMilli, this.#picked);
    for (const g of this.#picked) view.gpuFree[g]! -= pod.gpuMilli;
    view.freeCpu -= pod.cpuMilli;
    view.freeMemory -= pod.memoryMiB;
    return nodeFragmentation(view, this.#workload);
  }

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
