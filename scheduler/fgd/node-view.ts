import type { ClusterState } from '../cluster/cluster-state.js';
import { MAX_GPUS_PER_NODE } from '../cluster/node-spec.js';
import { nodeFragmentation, type NodeFreeView } from './fragmentation.js';
import type { TargetWorkload } from './target-workload.js';

/**
 * A reusable, mutable `NodeFreeView` over one node of a `ClusterState`; `load` refills it so
 * the scoring loop allocates nothing per node.
 */
export class MutableNodeView implements NodeFreeView {
  gpuType = '';
  freeCpu = 0;
  freeMemory = 0;
  gpuCount = 0;
  readonly gpuFree = new Int32Array(MAX_GPUS_PER_NODE);

  load(cluster: ClusterState, node: number): this {
    this.gpuType = cluster.node(node).gpuType;
    this.freeCpu = cluster.freeCpu(node);
    this.freeMemory = cluster.freeMemory(node);
    this.gpuCount = cluster.copyGpuFree(node, this.gpuFree);
    return this;
  }
}

/**
 * Cluster fragmentation: sum over nodes of F_n(M), in milli-GPUs (divide by
 * `cluster.gpuMilliCapacity` for the fragmentation rate).
 *
 * @example
 * const rate = clusterFragmentation(cluster, TargetWorkload.fromPods(pods)) / cluster.gpuMilliCapacity;
 */
export function clusterFragmentation(cluster: ClusterState, workload: TargetWorkload): number {
  const view = new MutableNodeView();
  let sum = 0;
  for (let i = 0; i < cluster.nodeCount; i++) sum += nodeFragmentation(view.load(cluster, i), workload);
  return sum;
}

/**
 * `clusterFragmentation` kept across measurements of one cluster: each node's F_n(M) is
 * cached with the node's version and recomputed only when the node changed, so repeated
 * measurements (a point every few percent of an inflation replay) cost O(changed nodes).
 * The sum is recomputed from the per-node values each time, in node order, so it equals
 * `clusterFragmentation` exactly.
 *
 * @example
 * const tracker = new FragmentationTracker(cluster, workload);
 * const rate = tracker.measure() / cluster.gpuMilliCapacity;
 */
export class FragmentationTracker {
  readonly #cluster: ClusterState;
  readonly #workload: TargetWorkload;
  readonly #view = new MutableNodeView();
  readonly #value: Float64Array;
  /** Node version each cached value belongs to; -1: none yet. */
  readonly #version: Float64Array;

  constructor(cluster: ClusterState, workload: TargetWorkload) {
    this.#cluster = cluster;
    this.#workload = workload;
    this.#value = new Float64Array(cluster.nodeCount);
    this.#version = new Float64Array(cluster.nodeCount).fill(-1);
  }

  /** Cluster fragmentation now, in milli-GPUs. */
  measure(): number {
    const cluster = this.#cluster;
    let sum = 0;
    for (let i = 0; i < cluster.nodeCount; i++) {
      const version = cluster.version(i);
      if (this.#version[i] !== version) {
        this.#value[i] = nodeFragmentation(this.#view.load(cluster, i), this.#workload);
        this.#version[i] = version;
      }
      sum += this.#value[i]!;
    }
    return sum;
  }
}
