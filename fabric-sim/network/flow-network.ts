import type { Topology } from '../cluster/topology.js';
import { Engine } from '../engine/engine.js';
import type { FlowDef } from '../packet/network.js';
import type { FabricNetwork, PathIdeal } from './fabric-network.js';
import { checkRoutable, FabricRoutes } from './routing.js';
import { IndexHeap } from './index-heap.js';

/** A flow counts as sent once fewer than this many bytes remain (floating-point slack). */
const DONE_EPSILON_BYTES = 1e-6;

/**
 * The network at flow level: each flow crosses the links of its ECMP path (the same hash as
 * the packet model, so collisions agree), and the active flows share link bandwidth max-min
 * fairly, computed by progressive filling at every flow arrival and departure. A flow's last
 * byte arrives its path's alpha after it has been sent, so an uncontended flow takes exactly
 * alpha + bytes / B; bandwidths are payload rates (the wire rate x payload / (payload + header)).
 *
 * A flow whose switches spray, switch flowlets or route adaptively is spread evenly over all
 * its equal-cost links instead (each tier of them pooled into one resource), as ideal
 * spraying would. Mixing both kinds on the same links is not modelled: a pooled tier and a
 * hashed flow on one of its links do not see each other. Nor are queues, PFC, ECN,
 * congestion-control dynamics or losses.
 *
 * Simultaneous arrivals and departures are batched into one recomputation per instant; a
 * recomputation costs O(sum of active path lengths x log) (see `#reshare`).
 */
export class FlowNetwork implements FabricNetwork {
  readonly fidelity = 'flow' as const;
  readonly engine: Engine;
  /** The packet model's ports, routes and ECMP hashes. */
  readonly #graph: FabricRoutes;
  fStartNs = new Float64Array(0);
  fRecvDoneNs = new Float64Array(0);
  lastCompletionNs = 0;
  /** Rate recomputations so far (progressive-filling runs). */
  recomputations = 0;

  #flows: readonly FlowDef[] = [];
  #pathOffset = new Int32Array(0);
  #pathPorts = new Int32Array(0);
  #alphaNs = new Float64Array(0);
  #remaining = new Float64Array(0);
  #rate = new Float64Array(0);
  #depsLeft = new Int32Array(0);
  #dependents: number[][] = [];
  /** Resources: ports first (ids = port indices), then pooled groups of equal-cost ports. */
  #capacity: Float64Array;
  #residual: Float64Array;
  #users: Int32Array;
  readonly #touched: number[] = [];
  #frozen = new Uint8Array(0);
  #listStart = new Int32Array(0);
  #listFill = new Int32Array(0);
  #stamp = new Int32Array(0);
  #flowsOn = new Int32Array(0);
  readonly #heap = new IndexHeap();
  #active: number[] = [];
  #lastAdvanceNs = 0;
  #timer = -1;
  #recomputeQueued = false;
  readonly #kStart: number;
  readonly #kReceived: number;
  readonly #kRecompute: number;

  constructor(topology: Topology, options: { seed?: number } = {}) {
    this.engine = new Engine({ seed: options.seed ?? 1 });
    this.#graph = new FabricRoutes(topology, options.seed ?? 1);
    const ports = this.#graph.portCount;
    this.#capacity = new Float64Array(ports);
    for (let p = 0; p < ports; p++) this.#capacity[p] = this.#graph.payloadRate(p);
    this.#residual = new Float64Array(ports);
    this.#users = new Int32Array(ports);
    this.#kStart = this.engine.register('flow/start', (f) => {
      this.#start(f);
    });
    this.#kReceived = this.engine.register('flow/received', (f) => {
      this.#received(f);
    });
    this.#kRecompute = this.engine.register('flow/recompute', () => {
      this.#recomputeQueued = false;
      this.#timer = -1;
      this.#advance();
      this.#reshare();
    });
  }

  addFlows(flows: readonly FlowDef[]): void {
    if (this.#flows.length !== 0) throw new Error('FlowNetwork.addFlows: flows are defined once');
    this.#flows = flows;
    const n = flows.length;
    checkRoutable(this.#graph, flows);
    const entropy = this.#graph.flowEntropies(n);
    this.fStartNs = new Float64Array(n).fill(NaN);
    this.fRecvDoneNs = new Float64Array(n).fill(NaN);
    this.#alphaNs = new Float64Array(n);
    this.#remaining = new Float64Array(n);
    this.#rate = new Float64Array(n);
    this.#frozen = new Uint8Array(n);
    this.#depsLeft = new Int32Array(n);
    this.#dependents = flows.map(() => []);
    this.#pathOffset = new Int32Array(n + 1);
    const ports: number[] = [];
    const pools = new Map<string, number>();
    const capacities = Array.from(this.#capacity);
    // Collectives repeat (src, dst) pairs hundreds of times: pooled paths and alpha are per pair
    // (an ECMP path also depends on the flow's entropy).
    const byPair = new Map<number, { pooled: number[] | null; alphaNs: number }>();
    flows.forEach((flow, f) => {
      const ecmp = this.#graph.ecmpPath(flow.src, flow.dst, entropy[f]!);
      const pair = flow.src * this.#graph.hostCount + flow.dst;
      let route = byPair.get(pair);
      if (route === undefined) {
        const multipath = this.#graph.isMultipath(ecmp[0]!, flow.dst);
        route = { pooled: multipath ? this.#pooledPath(flow.src, flow.dst, pools, capacities) : null, alphaNs: this.#graph.idealNs(flow.src, flow.dst, 0).alphaNs };
        byPair.set(pair, route);
      }
      this.#pathOffset[f] = ports.length;
      for (const port of route.pooled ?? ecmp) ports.push(port);
      this.#alphaNs[f] = route.alphaNs;
      this.#remaining[f] = flow.bytes;
      this.#depsLeft[f] = flow.deps.length;
      for (const d of flow.deps) this.#dependents[d]!.push(f);
    });
    this.#pathOffset[n] = ports.length;
    this.#pathPorts = Int32Array.from(ports);
    this.#capacity = Float64Array.from(capacities);
    this.#residual = new Float64Array(capacities.length);
    this.#users = new Int32Array(capacities.length);
    this.#listStart = new Int32Array(capacities.length);
    this.#listFill = new Int32Array(capacities.length);
    this.#stamp = new Int32Array(capacities.length);
    flows.forEach((flow, f) => {
      if (flow.deps.length === 0) this.engine.scheduleAt(flow.startNs, this.#kStart, f);
    });
  }

  /**
   * The resources of a multi-path flow (spraying, flowlets, adaptive routing): hop by hop, the
   * pool of every equal-cost port toward dst at that distance from src, as one resource whose
   * capacity is their sum: ideal spraying spreads the flow's bytes evenly over the pool. Single
   * ports stay port resources, so single-path hops (NIC links) are shared with every flow.
   */
  #pooledPath(src: number, dst: number, pools: Map<string, number>, capacities: number[]): number[] {
    const graph = this.#graph;
    const out: number[] = [];
    let level = [src];
    while (level.length > 0 && level[0] !== dst) {
      const group = [...new Set(level.flatMap((node) => graph.nextHops(node, dst)))].sort((a, b) => a - b);
      if (group.length === 0) break;
      if (group.length === 1) out.push(group[0]!);
      else {
        const key = group.join(',');
        let id = pools.get(key);
        if (id === undefined) {
          id = capacities.length;
          pools.set(key, id);
          capacities.push(group.reduce((sum, p) => sum + graph.payloadRate(p), 0));
        }
        out.push(id);
      }
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

  /** Current max-min rate of `flow` in payload bytes/ns (0 when not sending). */
  rateOf(flow: number): number {
    return this.#rate[flow]!;
  }

  #start(f: number): void {
    this.fStartNs[f] = this.engine.nowNs;
    this.#advance();
    this.#active.push(f);
    this.#queueRecompute();
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

  /** One recomputation per instant, after every arrival and departure at that instant. */
  #queueRecompute(): void {
    if (this.#recomputeQueued) return;
    if (this.#timer >= 0) this.engine.cancel(this.#timer);
    this.#recomputeQueued = true;
    this.#timer = this.engine.schedule(0, this.#kRecompute, 0);
  }

  /** Moves every active flow forward at its rate to now and retires the ones fully sent. */
  #advance(): void {
    const now = this.engine.nowNs;
    const dt = now - this.#lastAdvanceNs;
    this.#lastAdvanceNs = now;
    const active = this.#active;
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const f = active[i]!;
      const left = this.#remaining[f]! - this.#rate[f]! * dt;
      this.#remaining[f] = left;
      if (left <= DONE_EPSILON_BYTES) {
        this.#rate[f] = 0;
        this.engine.schedule(this.#alphaNs[f]!, this.#kReceived, f);
      } else active[kept++] = f;
    }
    if (kept !== active.length) active.length = kept;
  }

  /**
   * Progressive filling: raise every unfrozen flow's rate together; the resource that fills
   * first (least residual capacity per unfrozen flow) freezes its flows at that share. A heap
   * keyed by each resource's current share, with stale entries skipped by stamp, finds it; each
   * resource lists its flows, so a recomputation costs O(sum of path lengths x log). Then the
   * next completion is scheduled.
   */
  #reshare(): void {
    this.recomputations++;
    const active = this.#active;
    const residual = this.#residual;
    const users = this.#users;
    const touched = this.#touched;
    const offsets = this.#pathOffset;
    const paths = this.#pathPorts;
    for (const f of active) {
      this.#frozen[f] = 0;
      for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
        const p = paths[k]!;
        if (users[p] === 0) {
          residual[p] = this.#capacity[p]!;
          touched.push(p);
        }
        users[p]! += 1;
      }
    }
    // Flows of each touched resource, contiguous: listStart[p] .. listStart[p] + users[p].
    const listStart = this.#listStart;
    const listFill = this.#listFill;
    let total = 0;
    for (const p of touched) {
      listStart[p] = total;
      listFill[p] = total;
      total += users[p]!;
    }
    if (this.#flowsOn.length < total) this.#flowsOn = new Int32Array(2 * total);
    const flowsOn = this.#flowsOn;
    for (const f of active) for (let k = offsets[f]!; k < offsets[f + 1]!; k++) flowsOn[listFill[paths[k]!]!++] = f;
    const heap = this.#heap;
    const stamp = this.#stamp;
    heap.clear();
    for (const p of touched) {
      stamp[p]! += 1;
      heap.push(residual[p]! / users[p]!, p, stamp[p]!);
    }
    let left = active.length;
    while (left > 0 && heap.size > 0) {
      const bottleneck = heap.peekId();
      const current = heap.peekStamp() === stamp[bottleneck] && users[bottleneck]! > 0;
      const share = Math.max(0, heap.peekKey());
      heap.pop();
      if (!current) continue;
      for (let i = listStart[bottleneck]!; i < listFill[bottleneck]!; i++) {
        const f = flowsOn[i]!;
        if (this.#frozen[f] === 1) continue;
        this.#frozen[f] = 1;
        this.#rate[f] = share;
        left--;
        for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
          const p = paths[k]!;
          residual[p] = residual[p]! - share;
          users[p]! -= 1;
          stamp[p]! += 1;
          if (users[p]! > 0) heap.push(residual[p] / users[p]!, p, stamp[p]!);
        }
      }
    }
    for (const p of touched) users[p] = 0;
    touched.length = 0;
    let next = Infinity;
    for (const f of active) {
      const rate = this.#rate[f]!;
      if (rate > 0) next = Math.min(next, this.#remaining[f]! / rate);
    }
    if (next < Infinity) {
      this.#timer = this.engine.schedule(next, this.#kRecompute, 0);
    }
  }
}
