import type { ClusterState } from '../cluster/cluster-state.js';
import type { CycleContext, PreScorePlugin, ScorePlugin } from '../framework/plugin.js';
import { normalizeMinMax } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

/** The workload a pod belongs to: `expandWorkload` names pods `<workload>-<index>`. */
export function workloadOf(podName: string): string {
  const match = /^(.*)-\d+$/.exec(podName);
  return match === null ? podName : match[1]!;
}

/** Replicas per workload on each node and each leaf of one cluster state, kept from its node changes. */
interface WorkloadIndex {
  perNode: Map<string, Map<number, number>>;
  perLeaf: Map<string, Map<number, number>>;
  /** The workloads counted on each node, to subtract when the node changes. */
  onNode: Map<number, Map<string, number>>;
}

/** One index per cluster state, shared by every ReplicaSpread over it (one listener each). */
const indexes = new WeakMap<ClusterState, WorkloadIndex>();

function bump(map: Map<string, Map<number, number>>, workload: string, at: number, by: number): void {
  let counts = map.get(workload);
  if (counts === undefined) map.set(workload, (counts = new Map<number, number>()));
  const next = (counts.get(at) ?? 0) + by;
  if (next === 0) counts.delete(at);
  else counts.set(at, next);
  if (counts.size === 0) map.delete(workload);
}

/** Recounts one node's replicas per workload from its pods (O(pods on the node)). */
function recount(index: WorkloadIndex, cluster: ClusterState, node: number): void {
  const leaf = cluster.node(node).leaf;
  for (const [workload, n] of index.onNode.get(node) ?? []) {
    bump(index.perNode, workload, node, -n);
    bump(index.perLeaf, workload, leaf, -n);
  }
  const counts = new Map<string, number>();
  for (const a of cluster.podsOn(node)) {
    const workload = workloadOf(a.pod.name);
    counts.set(workload, (counts.get(workload) ?? 0) + 1);
  }
  for (const [workload, n] of counts) {
    bump(index.perNode, workload, node, n);
    bump(index.perLeaf, workload, leaf, n);
  }
  if (counts.size === 0) index.onNode.delete(node);
  else index.onNode.set(node, counts);
}

/**
 * The cluster's index, built on first use by one pass over its nodes and kept from then on by
 * its node-change events (every allocation and release), so a decision reads its workload's
 * counts instead of scanning every allocation of the cluster.
 */
function indexOf(cluster: ClusterState): WorkloadIndex {
  let index = indexes.get(cluster);
  if (index !== undefined) return index;
  const fresh: WorkloadIndex = { perNode: new Map(), perLeaf: new Map(), onNode: new Map() };
  for (let n = 0; n < cluster.nodeCount; n++) recount(fresh, cluster, n);
  cluster.onNodeChange((node) => {
    recount(fresh, cluster, node);
  });
  indexes.set(cluster, fresh);
  index = fresh;
  return index;
}

/**
 * Spreads the replicas of a deployment over leaves (and, within a leaf, over nodes), as
 * Kubernetes' PodTopologySpread does over zones: a leaf or node that loses power or its switch
 * takes fewer replicas down, and replicas on different leaves share fewer uplinks. Score for
 * node n: minus (replicas of the same workload on n's leaf x 10 + on n itself), normalised so
 * the emptiest leaf scores 100. Gang members (fine-tuning workers) are left to
 * TopologyLocality, which wants them together: they score the same everywhere.
 */
export class ReplicaSpread implements PreScorePlugin, ScorePlugin {
  readonly name = 'ReplicaSpread';
  #perLeaf = new Map<number, number>();
  #perNode = new Map<number, number>();

  isStateOnlyFor(pod: PodSpec): boolean {
    return pod.gang !== undefined;
  }

  preScore(ctx: CycleContext, pod: PodSpec): Status {
    this.#perLeaf = new Map();
    this.#perNode = new Map();
    if (pod.gang !== undefined) return Status.SUCCESS;
    const workload = workloadOf(pod.name);
    const index = indexOf(ctx.cluster);
    this.#perLeaf = new Map(index.perLeaf.get(workload));
    this.#perNode = new Map(index.perNode.get(workload));
    // The pod itself never counts (it is not allocated while it is being scheduled, normally).
    const own = ctx.cluster.allocationOf(pod.name);
    if (own !== undefined) {
      const leaf = ctx.cluster.node(own.node).leaf;
      this.#perLeaf.set(leaf, this.#perLeaf.get(leaf)! - 1);
      this.#perNode.set(own.node, this.#perNode.get(own.node)! - 1);
    }
    return Status.SUCCESS;
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    if (pod.gang !== undefined) return 0;
    const leaf = ctx.cluster.node(node).leaf;
    return -((this.#perLeaf.get(leaf) ?? 0) * 10 + (this.#perNode.get(node) ?? 0));
  }

  normalizeScore(_ctx: CycleContext, _pod: PodSpec, scores: Float64Array, count: number): void {
    normalizeMinMax(scores, count);
  }
}
