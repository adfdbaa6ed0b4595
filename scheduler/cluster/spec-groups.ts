import type { ClusterState } from './cluster-state.js';

/**
 * Numbers the nodes' fixed specs: nodes with equal GPU model and count, CPU and memory
 * capacity, labels and taints share a group id in [0, count). A `specOnly` filter gives the same
 * status on every node of a group, so the framework runs it once per group per cycle.
 */
export interface SpecGroups {
  /** Group id of each node. */
  readonly groupOf: Int32Array;
  readonly count: number;
  /** Lowest node index of each group. */
  readonly firstNode: Int32Array;
}

export function specGroups(cluster: ClusterState): SpecGroups {
  const n = cluster.nodeCount;
  const groupOf = new Int32Array(n);
  const ids = new Map<string, number>();
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = cluster.node(i);
    const key = JSON.stringify([s.gpuType, s.gpuCount, s.cpuMilli, s.memoryMiB, Object.entries(s.labels).sort(), s.taints]);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      first.push(i);
    }
    groupOf[i] = id;
  }
  return { groupOf, count: ids.size, firstNode: Int32Array.from(first) };
}
