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
