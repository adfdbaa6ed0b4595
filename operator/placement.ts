import {
  buildFramework,
  ClusterState,
  DEPLOY_PROFILE,
  GANG_PROFILE,
  GangDirectory,
  podSpec,
  type Framework,
  type NodeSpec,
  type ProfileConfig,
} from '../scheduler/index.js';

/**
 * The profile the operator schedules replicas with unless configured otherwise: the scheduler's
 * own deploy profile (cordons, taints, GPU model, resources; replicas of one deployment spread
 * over leaves, pods named `<namespace>/<deployment>-<index>`; best fit within a leaf). No
 * preemption: a victim chosen inside the scheduler would have to be deleted in the cluster
 * first, which the operator does not do.
 */
export const DEFAULT_OPERATOR_PROFILE: ProfileConfig = DEPLOY_PROFILE;

/** What one pod needs. */
export interface PodDemand {
  gpus: number;
  cpuMilli: number;
  memoryMiB: number;
  /** Required GPU model; undefined accepts any. */
  gpuType?: string;
  priority?: number;
}

export type PlacementResult = { kind: 'placed'; node: string } | { kind: 'unschedulable'; reason: string };

/**
 * Placement decisions over the scheduler's cluster state: the Nodes, then the pods already
 * running or bound (`occupy`, `set`), then the new pods (`place`, `placeGang`), each through
 * the scheduler framework. The operator keeps one `Placer` while the Nodes stay the same and
 * brings each pod up to date as the informers report it (`set`, O(1)), so a decision is made
 * against the latest Nodes and pods; it holds no scheduling logic itself.
 *
 * @example
 * const placer = new Placer(nodeView(nodes).nodes);
 * placer.occupy('default/other-0', 'gpu-1', { gpus: 4, cpuMilli: 0, memoryMiB: 0 });
 * const result = placer.place('default/llama-0', { gpus: 1, cpuMilli: 4000, memoryMiB: 32768 });
 */
export class Placer {
  readonly #cluster: ClusterState;
  readonly #framework: Framework;
  readonly #gangs = new GangDirectory();
  /** The gang profile's framework over the same cluster state, built on first use. */
  #gangFramework: Framework | undefined;
  /** Every pod holding resources here (occupied or placed), for `sync`. */
  readonly #held = new Map<string, { node: string; demand: PodDemand }>();
  /** Pods given resources by `place` / `placeGang` since the last `takePlaced`. */
  #placed: string[] = [];

  constructor(nodes: readonly NodeSpec[], profile: ProfileConfig = DEFAULT_OPERATOR_PROFILE) {
    this.#cluster = new ClusterState(nodes);
    this.#framework = buildFramework(profile, { cluster: this.#cluster, gangs: this.#gangs, seed: 1 });
  }

  /**
   * Places pods all-or-nothing through the scheduler's gang profile (`GANG_PROFILE`:
   * Coscheduling holds members at permit until the whole gang is reserved; TopologyLocality
   * packs them into one NVLink domain, leaf, spine group): either every member gets a node
   * (returned in order) or none does and every reservation is released, with the first
   * member's diagnosis. The same procedure as the scheduler's `placeGang`, over this placer's
   * cluster state so that the GPUs other pods hold count.
   */
  placeGang(gang: string, members: readonly { key: string; demand: PodDemand }[]): { kind: 'placed'; nodes: string[] } | { kind: 'unschedulable'; reason: string } {
    if (members.length === 0) return { kind: 'placed', nodes: [] };
    this.#gangs.register({ name: gang, minMember: members.length, timeoutNs: 60e9 }, members.map((m) => m.key));
    this.#gangFramework ??= buildFramework(GANG_PROFILE, { cluster: this.#cluster, gangs: this.#gangs, seed: 1 });
    const framework = this.#gangFramework;
    try {
      let failure: string | undefined;
      for (const m of members) {
        const result = framework.scheduleOne({ ...this.#spec(m.key, m.demand), gang }, 0);
        if (result.kind === 'unschedulable') {
          failure = result.diagnosis.toString();
          break;
        }
      }
      if (failure !== undefined) {
        for (const m of members) if (this.#cluster.allocationOf(m.key) !== undefined) framework.reject(m.key, 'gang incomplete');
        return { kind: 'unschedulable', reason: failure };
      }
      const nodes = members.map((m) => this.#cluster.node(this.#cluster.allocationOf(m.key)!.node).name);
      members.forEach((m, i) => {
        this.#held.set(m.key, { node: nodes[i]!, demand: m.demand });
        this.#placed.push(m.key);
      });
      return { kind: 'placed', nodes };
    } finally {
      this.#gangs.unregister(gang);
    }
  }

  /**
   * Records a pod that already holds resources on `nodeName`. Returns false (and records
   * nothing) when the node is unknown or the pod does not fit there, for example when another
   * scheduler overcommitted it; the caller reports that.
   */
  occupy(podKey: string, nodeName: string, demand: PodDemand): boolean {
    const node = this.#cluster.nodeIndex(nodeName);
    if (node === undefined) return false;
    try {
      this.#cluster.allocate(this.#spec(podKey, { ...demand, gpuType: undefined }), node);
      this.#held.set(podKey, { node: nodeName, demand });
      return true;
    } catch {
      return false;
    }
  }

  /** Gives back what `podKey` holds (nothing when it holds nothing). */
  release(podKey: string): void {
    if (!this.#held.delete(podKey)) return;
    if (this.#cluster.allocationOf(podKey) !== undefined) this.#cluster.release(podKey);
  }

  /**
   * Makes `podKey` hold exactly `want` (nothing when undefined) in O(1): kept when it already
   * holds the same node and demand, else released and occupied anew. Returns false when `want`
   * does not fit (see `occupy`); the pod then holds nothing.
   */
  set(podKey: string, want: { node: string; demand: PodDemand } | undefined): boolean {
    const held = this.#held.get(podKey);
    if (want !== undefined && held !== undefined && held.node === want.node && sameDemand(held.demand, want.demand)) return true;
    this.release(podKey);
    return want === undefined || this.occupy(podKey, want.node, want.demand);
  }

  /** What each pod holds here (read-only view, for consistency checks). */
  get holdings(): ReadonlyMap<string, { node: string; demand: PodDemand }> {
    return this.#held;
  }

  /**
   * The pods `place` and `placeGang` gave resources to since the last call: a caller that keeps
   * the placer across decisions checks that each was claimed (else gives it back).
   */
  takePlaced(): string[] {
    const placed = this.#placed;
    this.#placed = [];
    return placed;
  }

  /**
   * Makes the pods holding resources exactly `desired`: releases the pods not in it (or on
   * another node, or with another demand) and occupies the new ones. This keeps one placer
   * alive across decisions at the cost of a diff (O(pods) map look-ups) instead of a new
   * cluster state, framework and allocation of every pod per decision. Returns the pods that
   * did not fit (see `occupy`).
   */
  sync(desired: ReadonlyMap<string, { node: string; demand: PodDemand }>): string[] {
    for (const key of [...this.#held.keys()]) if (!desired.has(key)) this.release(key);
    const failed: string[] = [];
    for (const [key, want] of desired) if (!this.set(key, want)) failed.push(key);
    return failed;
  }

  /** Places a new pod and keeps its resources taken for the rest of this round. */
  place(podKey: string, demand: PodDemand): PlacementResult {
    const result = this.#framework.scheduleOne(this.#spec(podKey, demand), 0);
    if (result.kind === 'bound') {
      const node = this.#cluster.node(result.node).name;
      this.#held.set(podKey, { node, demand });
      this.#placed.push(podKey);
      return { kind: 'placed', node };
    }
    if (result.kind === 'waiting') {
      // The operator's profiles have no permit plugin that waits; give the resources back.
      this.#framework.reject(podKey, 'operator does not wait at permit');
      return { kind: 'unschedulable', reason: 'a permit plugin asked to wait, which the operator does not support' };
    }
    return { kind: 'unschedulable', reason: result.diagnosis.toString() };
  }

  #spec(podKey: string, demand: PodDemand): ReturnType<typeof podSpec> {
    return podSpec({
      name: podKey,
      gpuCount: demand.gpus,
      gpuMilli: demand.gpus === 0 ? 0 : 1000,
      gpuType: demand.gpuType,
      cpuMilli: demand.cpuMilli,
      memoryMiB: demand.memoryMiB,
      priority: demand.priority ?? 0,
      preemptible: false,
    });
  }
}

function sameDemand(a: PodDemand, b: PodDemand): boolean {
  return a === b || (a.gpus === b.gpus && a.cpuMilli === b.cpuMilli && a.memoryMiB === b.memoryMiB);
}
