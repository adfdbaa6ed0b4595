import type { ClusterState } from '../cluster/cluster-state.js';
import type { NodeSpec } from '../cluster/node-spec.js';
import type { GangDirectory } from '../framework/gangs.js';
import type { CycleContext, PreScorePlugin, ScorePlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import { podGpuMilli, type PodSpec } from '../workload/pod.js';

/** Scores by how close two nodes are in the fabric: the tier of the first link a collective would cross. */
export const TOPOLOGY_SCORE = { nvlink: 100, leafOrRail: 66, spine: 33, core: 0 } as const;

/** Closeness of two nodes; crossing spine groups (the oversubscribed core) scores 0. */
export function closeness(a: NodeSpec, b: NodeSpec): number {
  if (a.nvlinkDomain === b.nvlinkDomain) return TOPOLOGY_SCORE.nvlink;
  if (a.spineGroup !== b.spineGroup) return TOPOLOGY_SCORE.core;
  if (a.leaf === b.leaf || a.rail === b.rail) return TOPOLOGY_SCORE.leafOrRail;
  return TOPOLOGY_SCORE.spine;
}

interface GangCycle {
  /** Nodes holding members of the pod's gang. */
  readonly placed: readonly number[];
  /** For the first member: the tier whose free capacity around each node can hold the whole gang. */
  readonly roomTier: Float64Array | undefined;
}

/**
 * Topology-aware gang placement. Score for a gang member on node n:
 * - when other members already hold nodes: the minimum `closeness` from n to them, so the
 *   gang stays inside one NVLink domain, then one leaf or rail group, then one spine group;
 * - for the first member: how tight a domain around n can hold the whole gang's GPU demand
 *   (NVLink domain, else leaf, else spine group), so the gang starts where it can stay together.
 * Pods outside gangs score the same everywhere (0).
 */
export class TopologyLocality implements PreScorePlugin, ScorePlugin {
  readonly name = 'TopologyLocality';
  readonly #gangs: GangDirectory;
  #state: GangCycle | undefined;

  constructor(gangs: GangDirectory) {
    this.#gangs = gangs;
  }

  /** Pods outside gangs score 0 everywhere: node identity does not matter to them. */
  isStateOnlyFor(pod: PodSpec): boolean {
    return pod.gang === undefined;
  }

  preScore(ctx: CycleContext, pod: PodSpec): Status {
    this.#state = undefined;
    if (pod.gang === undefined) return Status.SUCCESS;
    const cluster = ctx.cluster;
    const placed: number[] = [];
    let remainingMilli = 0;
    for (const member of this.#gangs.members(pod.gang)) {
      const allocation = cluster.allocationOf(member);
      if (allocation !== undefined) placed.push(allocation.node);
    }
    if (placed.length === 0) {
      // Remaining demand: every member is alike in the workloads Weft expands; use this pod's size.
      remainingMilli = podGpuMilli(pod) * this.#gangs.members(pod.gang).length;
    }
    this.#state = { placed, roomTier: placed.length === 0 ? roomTiers(cluster, remainingMilli) : undefined };
    return Status.SUCCESS;
  }

  scoreNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, out: Float64Array): void {
    if (pod.gang === undefined || this.#state === undefined) {
      out.fill(0, 0, count);
      return;
    }
    for (let k = 0; k < count; k++) out[k] = this.score(ctx, pod, nodes[k]!);
  }

  score(ctx: CycleContext, pod: PodSpec, node: number): number {
    const state = this.#state;
    if (pod.gang === undefined || state === undefined) return 0;
    if (state.roomTier !== undefined) return state.roomTier[node]!;
    const spec = ctx.cluster.node(node);
    let min: number = TOPOLOGY_SCORE.nvlink;
    for (const other of state.placed) min = Math.min(min, closeness(spec, ctx.cluster.node(other)));
    return min;
  }
}

/** Per node: the score of the tightest tier around it whose free GPUs cover `demandMilli`. O(nodes). */
function roomTiers(cluster: ClusterState, demandMilli: number): Float64Array {
  const byDomain = new Map<number, number>();
  const byLeaf = new Map<number, number>();
  const bySpine = new Map<number, number>();
  const add = (map: Map<number, number>, key: number, value: number): void => {
    map.set(key, (map.get(key) ?? 0) + value);
  };
  for (let i = 0; i < cluster.nodeCount; i++) {
    if (cluster.isCordoned(i)) continue;
    const spec = cluster.node(i);
    const free = cluster.freeGpuMilli(i);
    add(byDomain, spec.nvlinkDomain, free);
    add(byLeaf, spec.leaf, free);
    add(bySpine, spec.spineGroup, free);
  }
  const out = new Float64Array(cluster.nodeCount);
  for (let i = 0; i < cluster.nodeCount; i++) {
    const spec = cluster.node(i);
    if ((byDomain.get(spec.nvlinkDomain) ?? 0) >= demandMilli) out[i] = TOPOLOGY_SCORE.nvlink;
    else if ((byLeaf.get(spec.leaf) ?? 0) >= demandMilli) out[i] = TOPOLOGY_SCORE.leafOrRail;
    else if ((bySpine.get(spec.spineGroup) ?? 0) >= demandMilli) out[i] = TOPOLOGY_SCORE.spine;
  }
  return out;
}
