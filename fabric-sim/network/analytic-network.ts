import type { Topology } from '../cluster/topology.js';
import { Engine } from '../engine/engine.js';
import type { FlowDef } from '../packet/network.js';
import type { FabricNetwork, PathIdeal } from './fabric-network.js';
import { checkRoutable, FabricRoutes } from './routing.js';

/**
 * The network as alpha-beta closed forms. Flows that start at the same instant form a batch;
 * each resource (a NIC link, or one tier of equal-cost links toward the destination, pooled
 * over every shortest path) carries the batch's bytes that cross it, and each flow of the batch
 * takes
 *
 *     T = alpha + max over the resources r on its path of (bytes on r / capacity of r)
 *
 * with capacities in payload bytes/ns (B per link, summed over a pooled group). On the
 * traffic patterns this gives the textbook forms: point-to-point alpha + S/B; a ring step
 * alpha + (S/n)/B, so ring all-reduce 2(n-1) alpha + 2(n-1)/n S/B through the dependency graph;
 * all-to-all alpha + (n-1)/n S/B at the NIC, or the bisection bound (bytes leaving a leaf over
 * its uplinks' capacity) on an oversubscribed fabric; incast n S/B at the receiver's link.
 *
 * Every flow of a batch is charged its most loaded resource in full, so flows of unequal
 * sizes sharing a resource all take as long as the whole batch on it (an upper bound). ECMP
 * collisions, queues and congestion control are not modelled: that is what `flow` and
 * `packet` are for.
 */
export class AnalyticNetwork implements FabricNetwork {
  readonly fidelity = 'analytic' as const;
  readonly engine: Engine;
  /** The packet model's ports, routes and ECMP hashes. */
  readonly #graph: FabricRoutes;
  fStartNs = new Float64Array(0);
  fRecvDoneNs = new Float64Array(0);
  lastCompletionNs = 0;

  #flows: readonly FlowDef[] = [];
  /** Per flow: resource ids on its path, in `#resources[#resOffset[f] .. #resOffset[f + 1])`. */
  #resOffset = new Int32Array(0);
  #resources = new Int32Array(0);
  #capacity = new Float64Array(0);
  #load = new Float64Array(0);
  #alphaNs = new Float64Array(0);
  #depsLeft = new Int32Array(0);
  #dependents: number[][] = [];
  #batch: number[] = [];
  #batchQueued = false;
  readonly #kStart: number;
  readonly #kBatch: number;
  readonly #kReceived: number;

  constructor(topology: Topology, options: { seed?: number } = {}) {
    this.engine = new Engine({ seed: options.seed ?? 1 });
    this.#graph = new FabricRoutes(topology, options.seed ?? 1);
    this.#kStart = this.engine.register('analytic/start', (f) => {
      this.fStartNs[f] = this.engine.nowNs;
      this.#batch.push(f);
      if (!this.#batchQueued) {
        this.#batchQueued = true;
        this.engine.schedule(0, this.#kBatch, 0);
      }
    });
    this.#kBatch = this.engine.register('analytic/batch', () => {
      this.#batchQueued = false;
      this.#runBatch();
    });
    this.#kReceived = this.engine.register('analytic/received', (f) => {
      this.#received(f);
    });
  }

  addFlows(flows: readonly FlowDef[]): void {
    if (this.#flows.length !== 0) throw new Error('AnalyticNetwork.addFlows: flows are defined once');
    this.#flows = flows;
    const n = flows.length;
    checkRoutable(this.#graph, flows);
    this.fStartNs = new Float64Array(n).fill(NaN);
    this.fRecvDoneNs = new Float64Array(n).fill(NaN);
    this.#alphaNs = new Float64Array(n);
    this.#depsLeft = new Int32Array(n);
    this.#dependents = flows.map(() => []);
    this.#resOffset = new Int32Array(n + 1);
    const ids = new Map<string, number>();
    const capacities: number[] = [];
    const resources: number[] = [];
    const graph = this.#graph;
    // Collectives repeat (src, dst) pairs hundreds of times: resources and alpha are per pair.
    const byPair = new Map<number, { ids: number[]; alphaNs: number }>();
    flows.forEach((flow, f) => {
      this.#resOffset[f] = resources.length;
      const pair = flow.src * graph.hostCount + flow.dst;
      let route = byPair.get(pair);
      if (route === undefined) {
        route = { ids: this.#pairResources(flow.src, flow.dst, ids, capacities), alphaNs: graph.idealNs(flow.src, flow.dst, 0).alphaNs };
        byPair.set(pair, route);
      }
      for (const id of route.ids) resources.push(id);
      this.#alphaNs[f] = route.alphaNs;
      this.#depsLeft[f] = flow.deps.length;
      for (const d of flow.deps) this.#dependents[d]!.push(f);
    });
    this.#resOffset[n] = resources.length;
    this.#resources = Int32Array.from(resources);
    this.#capacity = Float64Array.from(capacities);
    this.#load = new Float64Array(capacities.length);
    flows.forEach((flow, f) => {
      if (flow.deps.length === 0) this.engine.scheduleAt(flow.startNs, this.#kStart, f);
    });
  }

  /**
   * Hop by hop over all shortest paths from src to dst: the resource of hop k pools every
   * equal-cost port that any node k hops from the source uses toward dst (a leaf's uplinks, all
   * spines' links down to the destination leaf, ...): the bisection of that tier for this pair.
   */
  #pairResources(src: number, dst: number, ids: Map<string, number>, capacities: number[]): number[] {
    const graph = this.#graph;
    const out: number[] = [];
    let level = [src];
    while (level.length > 0 && level[0] !== dst) {
      const group = [...new Set(level.flatMap((node) => graph.nextHops(node, dst)))].sort((a, b) => a - b);
      if (group.length === 0) break;
      const key = group.join(',');
      let id = ids.get(key);
      if (id === undefined) {
        id = capacities.length;
        ids.set(key, id);
        capacities.push(group.reduce((sum, p) => sum + graph.payloadRate(p), 0));
      }
      out.push(id);
      level = [...new Set(group.map((port) => graph.portOwner[graph.portPeer[port]!]!))];
    }
    return out;
  }

  run(limitNs = Infinity): void {
    if (limitNs === Infinity) this.engine.runUntilIdle();
    else this.engine.runUntil(limitNs);
  }

  idealNs(src: number, dst: number, bytes: number): PathIdeal {
    return this.#graph.idealNs(src, dst, bytes);
  }

  #runBatch(): void {
    const batch = this.#batch;
    const load = this.#load;
    const offsets = this.#resOffset;
    const resources = this.#resources;
    for (const f of batch) {
      const bytes = this.#flows[f]!.bytes;
      for (let k = offsets[f]!; k < offsets[f + 1]!; k++) load[resources[k]!]! += bytes;
    }
    for (const f of batch) {
      let transferNs = 0;
      for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
        const r = resources[k]!;
        transferNs = Math.max(transferNs, load[r]! / this.#capacity[r]!);
      }
      this.engine.schedule(this.#alphaNs[f]! + transferNs, this.#kReceived, f);
    }
    for (const f of batch) for (let k = offsets[f]!; k < offsets[f + 1]!; k++) load[resources[k]!] = 0;
    batch.length = 0;
  }

  #received(f: number): void {
    const now = this.engine.nowNs;
    this.fRecvDoneNs[f] = now;
    if (now > this.lastCompletionNs) this.lastCompletionNs = now;
    for (const g of this.#dependents[f]!) {
      this.#depsLeft[g]! -= 1;
      if (this.#depsLeft[g] === 0) this.engine.schedule(this.#flows[g]!.startNs, this.#kStart, g);
    }
  }
}
