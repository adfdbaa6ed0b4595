import type { CycleContext, PreScorePlugin, ScorePlugin } from '../framework/plugin.js';
import { normalizeMinMax } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

/** The workload a pod belongs to: `expandWorkload` names pods `<workload>-<index>`. */
export function workloadOf(podName: string): string {
  const match = /^(.*)-\d+$/.exec(podName);
  return match === null ? podName : match[1]!;
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
    for (const allocation of ctx.cluster.allocations()) {
      if (allocation.pod.name === pod.name || workloadOf(allocation.pod.name) !== workload) continue;
      const leaf = ctx.cluster.node(allocation.node).leaf;
      this.#perLeaf.set(leaf, (this.#perLeaf.get(leaf) ?? 0) + 1);
      this.#perNode.set(allocation.node, (this.#perNode.get(allocation.node) ?? 0) + 1);
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
