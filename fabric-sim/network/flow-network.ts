import type { Topology } from '../cluster/topology.js';
import { Engine } from '../engine/engine.js';
import { RandomStream } from '../engine/random.js';
import type { FlowDef } from '../packet/network.js';
import type { FabricNetwork, PathIdeal } from './fabric-network.js';
import { checkRoutable, FabricRoutes } from './routing.js';
import { IndexHeap } from './index-heap.js';

/** A flow counts as sent once fewer than this many bytes remain (floating-point slack). */
const DONE_EPSILON_BYTES = 1e-6;

/** Called when a started flow's last byte was received (the engine's clock is that time). */
export type FlowDoneHandler = (flow: number) => void;

/** `array` copied into a new one of `size` elements (new elements `fill`). */
function resized<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number, fill = 0): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  if (fill !== 0 && size > array.length) next.fill(fill, array.length);
  return next;
}

/** `array`, or a copy doubled in size when it holds fewer than `size` elements. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  return size <= array.length ? array : resized(array, Math.max(size, 2 * array.length, 16));
}

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
 *
 * Two ways to use it: define every flow up front (`addFlows`, with dependencies) and `run`; or
 * start flows while the engine runs (`startFlow`, from any event handler of the engine passed
 * as `options.engine`, so the network and its caller share one clock). Both share the same
 * arrays, entropy stream and rate computation: flows started one by one get the entropies,
 * paths and rates they would get if defined up front in that order with those start times.
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

  #flows: FlowDef[] = [];
  /** Per flow: the caller's completion handler (flows from `startFlow` that passed one). */
  readonly #onDone: (FlowDoneHandler | undefined)[] = [];
  /** Ports used in `#pathPorts`, and resources (ports, then pools) in the resource arrays. */
  #portsUsed = 0;
  #resources: number;
  readonly #pools = new Map<string, number>();
  /** Collectives repeat (src, dst) pairs hundreds of times: pooled paths and alpha are per pair. */
  readonly #byPair = new Map<number, { pooled: number[] | null; alphaNs: number }>();
  /** Flow entropies, drawn in flow order (as `FabricRoutes.flowEntropies`). */
  readonly #entropy: RandomStream;
  #pathOffset = new Int32Array(1);
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

  /**
   * @param options.engine the engine to schedule on (default: a new one of `seed`); pass the
   *   caller's engine to `startFlow` during its run. One FlowNetwork per engine (its handler
   *   names are fixed).
   */
  constructor(topology: Topology, options: { seed?: number; engine?: Engine } = {}) {
    this.engine = options.engine ?? new Engine({ seed: options.seed ?? 1 });
    this.#graph = new FabricRoutes(topology, options.seed ?? 1);
    this.#entropy = RandomStream.derive(options.seed ?? 1, 'transport/entropy');
    const ports = this.#graph.portCount;
    this.#resources = ports;
    this.#capacity = new Float64Array(ports);
    for (let p = 0; p < ports; p++) this.#capacity[p] = this.#graph.payloadRate(p);
    this.#residual = new Float64Array(ports);
    this.#users = new Int32Array(ports);
    this.#listStart = new Int32Array(ports);
    this.#listFill = new Int32Array(ports);
    this.#stamp = new Int32Array(ports);
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

  /** Flows defined so far (by `addFlows` and `startFlow`); per-flow arrays are valid up to it. */
  get flowCount(): number {
    return this.#flows.length;
  }

  addFlows(flows: readonly FlowDef[]): void {
    if (this.#flows.length !== 0) throw new Error('FlowNetwork.addFlows: flows are defined once, before any startFlow');
    const n = flows.length;
    checkRoutable(this.#graph, flows);
    const entropy = this.#graph.flowEntropies(n, this.#entropy);
    // Exact sizes: fStartNs and fRecvDoneNs have one entry per flow.
    this.#reserve(n, false);
    flows.forEach((flow, f) => {
      this.#define(flow, entropy[f]!);
    });
    flows.forEach((flow, f) => {
      if (flow.deps.length === 0) this.engine.scheduleAt(flow.startNs, this.#kStart, f);
    });
  }

  /**
   * Starts a flow of `bytes` from NIC `src` to NIC `dst` now (the engine's clock): the rates
   * of every active flow are recomputed at this instant, as for a flow defined up front.
   * Callable from inside the engine's handlers; `onDone` runs when its last byte is received.
   * Per-flow arrays grow by doubling (entries at or after `flowCount` are NaN).
   * @returns the flow's index into `fStartNs`, `fRecvDoneNs` and `rateOf`.
   * @throws Error for src = dst, no route, or bytes not a finite number >= 0.
   */
  startFlow(src: number, dst: number, bytes: number, onDone?: FlowDoneHandler): number {
    if (!(bytes >= 0 && Number.isFinite(bytes))) throw new Error(`FlowNetwork.startFlow: bytes must be a finite number >= 0, got ${String(bytes)}`);
    const flow: FlowDef = { src, dst, bytes, startNs: this.engine.nowNs, deps: [] };
    checkRoutable(this.#graph, [flow]);
    const f = this.#flows.length;
    this.#reserve(f + 1, true);
    this.#define(flow, this.#graph.flowEntropies(1, this.#entropy)[0]!);
    this.#onDone[f] = onDone;
    this.#start(f);
    return f;
  }

  /** Per-flow arrays sized for `flows` flows: exactly, or doubled when `double` (amortized appends). */
  #reserve(flows: number, double: boolean): void {
    if (this.fStartNs.length >= flows) return;
    const size = double ? Math.max(flows, 2 * this.fStartNs.length, 16) : flows;
    this.fStartNs = resized(this.fStartNs, size, NaN);
    this.fRecvDoneNs = resized(this.fRecvDoneNs, size, NaN);
    this.#alphaNs = resized(this.#alphaNs, size);
    this.#remaining = resized(this.#remaining, size);
    this.#rate = resized(this.#rate, size);
    this.#frozen = resized(this.#frozen, size);
    this.#depsLeft = resized(this.#depsLeft, size);
    this.#pathOffset = resized(this.#pathOffset, size + 1);
  }

  /** Appends flow `flow` (index `#flows.length`): its path (ECMP hash of `entropy`, or pooled), alpha and dependencies. */
  #define(flow: FlowDef, entropy: number): void {
    const f = this.#flows.length;
    this.#flows.push(flow);
    this.#dependents.push([]);
    const graph = this.#graph;
    const ecmp = graph.ecmpPath(flow.src, flow.dst, entropy);
    const pair = flow.src * graph.hostCount + flow.dst;
    let route = this.#byPair.get(pair);
    if (route === undefined) {
      const multipath = graph.isMultipath(ecmp[0]!, flow.dst);
      route = { pooled: multipath ? this.#pooledPath(flow.src, flow.dst) : null, alphaNs: graph.idealNs(flow.src, flow.dst, 0).alphaNs };
      this.#byPair.set(pair, route);
    }
    const path = route.pooled ?? ecmp;
    this.#pathOffset[f] = this.#portsUsed;
    this.#pathPorts = grown(this.#pathPorts, this.#portsUsed + path.length);
    for (const port of path) this.#pathPorts[this.#portsUsed++] = port;
    this.#pathOffset[f + 1] = this.#portsUsed;
    this.#alphaNs[f] = route.alphaNs;
    this.#remaining[f] = flow.bytes;
    this.#depsLeft[f] = flow.deps.length;
    for (const d of flow.deps) this.#dependents[d]!.push(f);
  }

  /** A new resource (a pool of equal-cost ports) of `capacity` payload bytes/ns; returns its id. */
  #addResource(capacity: number): number {
    const id = this.#resources++;
    const n = this.#resources;
    this.#capacity = grown(this.#capacity, n);
    this.#capacity[id] = capacity;
    this.#residual = grown(this.#residual, n);
    this.#users = grown(this.#users, n);
    this.#listStart = grown(this.#listStart, n);
    this.#listFill = grown(this.#listFill, n);
    this.#stamp = grown(this.#stamp, n);
    return id;
  }

  /**
   * The resources of a multi-path flow (spraying, flowlets, adaptive routing): hop by hop, the
   * pool of every equal-cost port toward dst at that distance from src, as one resource whose
   * capacity is their sum: ideal spraying spreads the flow's bytes evenly over the pool. Single
   * ports stay port resources, so single-path hops (NIC links) are shared with every flow.
   */
  #pooledPath(src: number, dst: number): number[] {
    const graph = this.#graph;
    const pools = this.#pools;
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
          id = this.#addResource(group.reduce((sum, p) => sum + graph.payloadRate(p), 0));
          pools.set(key, id);
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
    this.#onDone[f]?.(f);
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
      const rate = this.#rate[f]!;
      const left = this.#remaining[f]! - rate * dt;
      this.#remaining[f] = left;
      // Also done when the time to send the rest is below the clock's resolution at `now`
      // (late in a long run, ulp(now) x rate exceeds the byte slack): its completion timer
      // would fire at this same instant again and again.
      if (left <= DONE_EPSILON_BYTES || now + left / rate === now) {
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
