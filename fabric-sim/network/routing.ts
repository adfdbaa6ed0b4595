import { fiveTupleHash, mix32, nameHash } from '../../switch-model/forwarding.js';
import type { LoadBalancingMode, SwitchSpec } from '../../switch-model/spec.js';
import type { Topology } from '../cluster/topology.js';
import { RandomStream } from '../engine/random.js';
import type { PathIdeal } from './fabric-network.js';

/**
 * Header bytes modelled per data packet: Ethernet 14 + FCS 4, IPv4 20, UDP 8, InfiniBand BTH 12,
 * ICRC 4 (= 62), plus preamble/SFD 8 and inter-frame gap 12 that also occupy the wire.
 */
export const DATA_OVERHEAD_BYTES = 82;

export const KIND_HOST = 0;
export const KIND_SWITCH = 1;

/** Load-balancing modes as the numbers kept per node (`lbMode`). */
export const LB_MODE: Record<LoadBalancingMode, number> = { ECMP: 0, PACKET_SPRAY: 1, FLOWLET: 2, ADAPTIVE: 3 };

/** First UDP source port of a flow's entropy range (RoCEv2 uses 49152 .. 65535). */
const ENTROPY_BASE = 49_152;
const ENTROPY_SPAN = 16_383;

/**
 * The fabric as a routed graph, shared by every fidelity: directional ports numbered node by
 * node (so a node's ports are the contiguous slice `portBase[n] .. portBase[n] + portCountOf[n]`),
 * link rates and propagation, the switches' forwarding parameters (load-balancing mode, ECMP
 * hash seed, latency, cut-through), the equal-cost next hops of every (node, destination host),
 * and each flow's entropy (its UDP source port).
 *
 * It holds no per-packet or per-queue state, so the flow and analytic fidelities route on it
 * without building the packet model; `PacketNetwork` forwards every packet by the same tables and
 * hashes, so the ECMP path a fidelity prices is the one the packets take.
 *
 * Invariants: nodes `0 .. hostCount - 1` are NICs; hosts never forward (a next hop is a switch or
 * the destination itself); a NIC reaches a NIC of its own server only over NVLink.
 */
export class FabricRoutes {
  readonly topology: Topology;
  readonly hostCount: number;
  readonly nodeCount: number;
  readonly portCount: number;
  readonly mtu: number;

  readonly nodeKind: Uint8Array;
  readonly portBase: Int32Array;
  readonly portCountOf: Int32Array;
  /** Per node: the switch's port-to-port latency (0 for hosts). */
  readonly latencyNs: Float64Array;
  /** Per node: 1 when the switch forwards cut-through. */
  readonly cutThrough: Uint8Array;
  /** Per node: `LB_MODE` of the switch. */
  readonly lbMode: Uint8Array;
  /** Per node: the switch's ECMP hash seed (its spec's seed, its name and the run's seed mixed). */
  readonly hashSeed: Uint32Array;

  readonly portOwner: Int32Array;
  readonly portPeer: Int32Array;
  /** Wire rate, bytes per ns. */
  readonly portRate: Float64Array;
  readonly portProp: Float64Array;
  readonly portUp: Uint8Array;
  readonly portName: string[] = [];

  /**
   * Equal-cost candidates of (node, dst host) in `routePorts[routeStart[i] .. routeStart[i + 1])`,
   * i = `routeIndex(node, dst)` = dst * nodeCount + node: destination-major, so the table is
   * written sequentially as each destination's BFS completes (node-major writes, one cache
   * miss each, made the k = 16 build ~0.8 s), and one start array serves as offsets and counts.
   */
  readonly routeStart: Int32Array;
  readonly routePorts: Int32Array;

  readonly #seed: number;

  constructor(topology: Topology, seed = 1) {
    this.topology = topology;
    this.#seed = seed;
    this.mtu = topology.mtuBytes;
    const nodes = topology.nodes;
    this.nodeCount = nodes.length;
    this.hostCount = topology.gpus.length;

    const portsOfNode: { link: number; peerNode: number }[][] = nodes.map(() => []);
    topology.links.forEach((link, i) => {
      portsOfNode[link.a]!.push({ link: i, peerNode: link.b });
      portsOfNode[link.b]!.push({ link: i, peerNode: link.a });
    });
    this.portBase = new Int32Array(this.nodeCount);
    this.portCountOf = new Int32Array(this.nodeCount);
    let ports = 0;
    for (let n = 0; n < this.nodeCount; n++) {
      this.portBase[n] = ports;
      this.portCountOf[n] = portsOfNode[n]!.length;
      ports += portsOfNode[n]!.length;
    }
    this.portCount = ports;
    this.portOwner = new Int32Array(ports);
    this.portPeer = new Int32Array(ports).fill(-1);
    this.portRate = new Float64Array(ports);
    this.portProp = new Float64Array(ports);
    this.portUp = new Uint8Array(ports);
    const endOf = new Int32Array(topology.links.length).fill(-1);
    for (let n = 0; n < this.nodeCount; n++) {
      portsOfNode[n]!.forEach((p, k) => {
        const port = this.portBase[n]! + k;
        const link = topology.links[p.link]!;
        this.portOwner[port] = n;
        this.portRate[port] = link.rateGbps / 8;
        this.portProp[port] = link.propagationDelayNs;
        this.portUp[port] = link.up ? 1 : 0;
        this.portName.push(`${nodes[n]!.name}->${nodes[p.peerNode]!.name}`);
        const other = endOf[p.link]!;
        if (other === -1) endOf[p.link] = port;
        else {
          this.portPeer[port] = other;
          this.portPeer[other] = port;
        }
      });
    }

    this.nodeKind = new Uint8Array(this.nodeCount);
    this.latencyNs = new Float64Array(this.nodeCount);
    this.cutThrough = new Uint8Array(this.nodeCount);
    this.lbMode = new Uint8Array(this.nodeCount);
    this.hashSeed = new Uint32Array(this.nodeCount);
    for (let n = 0; n < this.nodeCount; n++) {
      const node = nodes[n]!;
      if (node.kind === 'nic') {
        this.nodeKind[n] = KIND_HOST;
        continue;
      }
      const spec = this.switchSpecOf(n);
      this.nodeKind[n] = KIND_SWITCH;
      this.latencyNs[n] = spec.portToPortLatencyNs;
      this.cutThrough[n] = spec.forwarding === 'CUT_THROUGH' ? 1 : 0;
      this.lbMode[n] = LB_MODE[spec.loadBalancing.mode];
      this.hashSeed[n] = (spec.loadBalancing.hashSeed ^ nameHash(node.name) ^ mix32(seed)) >>> 0;
    }

    const r = this.#buildRoutes();
    this.routeStart = r.start;
    this.routePorts = r.ports;
  }

  /** Index of (node, dst host) into `routeStart`. */
  routeIndex(node: number, dst: number): number {
    return dst * this.nodeCount + node;
  }

  /** Number of equal-cost next hops of `node` toward host `dst` (0: unreachable, or node is dst). */
  routeCount(node: number, dst: number): number {
    const i = dst * this.nodeCount + node;
    return this.routeStart[i + 1]! - this.routeStart[i]!;
  }

  /** The spec of switch node `n` (an NVSwitch or a fabric switch). */
  switchSpecOf(n: number): SwitchSpec {
    return this.topology.nodes[n]!.kind === 'nvswitch' ? this.topology.nvswitchSpec : this.topology.switchSpec;
  }

  /**
   * Each flow's entropy (UDP source port, 49152 .. 65535), drawn in flow order from the run's
   * `transport/entropy` stream, so every fidelity hashes a flow onto the same ECMP path.
   */
  flowEntropies(count: number, stream: RandomStream = RandomStream.derive(this.#seed, 'transport/entropy')): Int32Array<ArrayBuffer> {
    const out = new Int32Array(count);
    for (let f = 0; f < count; f++) out[f] = ENTROPY_BASE + stream.integer(0, ENTROPY_SPAN);
    return out;
  }

  /** The NIC port a packet from host `src` to `dst` leaves by (hashed with seed 0 on multi-homed NICs). */
  hostPort(src: number, dst: number, entropy: number): number {
    const i = dst * this.nodeCount + src;
    const offset = this.routeStart[i]!;
    const count = this.routeStart[i + 1]! - offset;
    if (count === 0) return -1;
    return this.routePorts[offset + (count === 1 ? 0 : fiveTupleHash(0, src, dst, entropy) % count)]!;
  }

  /**
   * The ports of the path every switch picks by its ECMP hash: the NIC port by `hostPort(src,
   * dst, entropy)`, then at each switch `fiveTupleHash(hashSeed, src, dst, switchEntropy)`
   * modulo its candidates (data packets hash `entropy`, control packets `entropy ^ 1`).
   * Empty when dst is unreachable.
   */
  ecmpPath(src: number, dst: number, entropy: number, switchEntropy = entropy): number[] {
    const first = this.hostPort(src, dst, entropy);
    if (first < 0) return [];
    const path = [first];
    let node = this.portOwner[this.portPeer[first]!]!;
    while (node !== dst) {
      const i = dst * this.nodeCount + node;
      const offset = this.routeStart[i]!;
      const count = this.routeStart[i + 1]! - offset;
      if (count === 0) return [];
      const port = this.routePorts[offset + (count === 1 ? 0 : fiveTupleHash(this.hashSeed[node]!, src, dst, switchEntropy) % count)]!;
      path.push(port);
      node = this.portOwner[this.portPeer[port]!]!;
    }
    return path;
  }

  /**
   * Whether `path` (an `ecmpPath` to `dst`) is the path of every packet that hashes the same:
   * each switch on it has one candidate toward dst or picks by ECMP hash (no spraying,
   * flowlets or adaptive choice).
   */
  isFixedPath(path: readonly number[], dst: number): boolean {
    for (let k = 1; k < path.length; k++) {
      const node = this.portOwner[path[k]!]!;
      if (this.routeCount(node, dst) > 1 && this.lbMode[node] !== LB_MODE.ECMP) return false;
    }
    return true;
  }

  /** The equal-cost egress ports of `node` toward host `dst`. */
  nextHops(node: number, dst: number): number[] {
    const i = dst * this.nodeCount + node;
    return Array.from(this.routePorts.subarray(this.routeStart[i], this.routeStart[i + 1]));
  }

  /** Payload bytes per ns a port carries at full rate (the MTU's share of each wire packet). */
  payloadRate(port: number): number {
    return (this.portRate[port]! * this.mtu) / (this.mtu + DATA_OVERHEAD_BYTES);
  }

  /** The port named `from->to` (node names), or -1. */
  portIndex(name: string): number {
    return this.portName.indexOf(name);
  }

  /**
   * Whether some switch on a route from the first hop of `firstPort` to `dst` may send a flow's
   * packets over different next hops (sprays, switches flowlets or routes adaptively among several).
   */
  isMultipath(firstPort: number, dst: number): boolean {
    const seen = new Uint8Array(this.nodeCount);
    const stack = [this.portOwner[this.portPeer[firstPort]!]!];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === dst || seen[node] === 1) continue;
      seen[node] = 1;
      const i = dst * this.nodeCount + node;
      const offset = this.routeStart[i]!;
      const count = this.routeStart[i + 1]! - offset;
      if (count > 1 && this.lbMode[node] !== LB_MODE.ECMP) return true;
      for (let k = 0; k < count; k++) stack.push(this.portOwner[this.portPeer[this.routePorts[offset + k]!]!]!);
    }
    return false;
  }

  /** Minimal hop path (ports) from `src` to `dst` following the first candidate, for ideal-time computations. */
  pathPorts(src: number, dst: number): number[] {
    const path: number[] = [];
    let node = src;
    while (node !== dst) {
      const i = dst * this.nodeCount + node;
      if (this.routeStart[i + 1] === this.routeStart[i]) return [];
      const port = this.routePorts[this.routeStart[i]!]!;
      path.push(port);
      node = this.portOwner[this.portPeer[port]!]!;
    }
    return path;
  }

  /**
   * Ideal completion of `bytes` from src to dst: alpha + bytes / B on the minimal path (issue 3
   * definitions). Every equal-cost path has the same hop count; on the fabrics built here their
   * links also share rate and propagation, so any of them gives the same ideal.
   */
  idealNs(src: number, dst: number, bytes: number): PathIdeal {
    const path = this.pathPorts(src, dst);
    let alpha = 0;
    let minRate = Infinity;
    for (const port of path) {
      alpha += this.portProp[port]!;
      minRate = Math.min(minRate, this.portRate[port]!);
      const next = this.portOwner[this.portPeer[port]!]!;
      if (this.nodeKind[next] === KIND_SWITCH) {
        alpha += this.latencyNs[next]!;
        if (this.cutThrough[next] === 0) alpha += (this.mtu + DATA_OVERHEAD_BYTES) / this.portRate[port]!;
      }
    }
    const bandwidth = (minRate * this.mtu) / (this.mtu + DATA_OVERHEAD_BYTES);
    return { alphaNs: alpha, bandwidthBytesPerNs: bandwidth, idealNs: alpha + bytes / bandwidth };
  }

  /**
   * Equal-cost next hops of every (node, destination host): a BFS from each destination over
   * links that are up. Hosts never forward: the BFS does not expand through them, and a host
   * other than the destination is never a next hop (a NIC delivers only its own packets; without
   * this, a rail leaf would list srv1/nic7 as a hop toward srv1/nic0 because NVLink joins them).
   * Runs once per network over N x H entries, so it works on local typed arrays (a k = 16 fat
   * tree has 1,344 nodes and 1,024 hosts).
   */
  #buildRoutes(): { start: Int32Array; ports: Int32Array } {
    const H = this.hostCount;
    const N = this.nodeCount;
    const start = new Int32Array(N * H + 1);
    let ports = new Int32Array(Math.max(1024, 4 * N));
    let used = 0;
    const dist = new Int32Array(N);
    const queue = new Int32Array(N);
    const base = this.portBase;
    const countOf = this.portCountOf;
    const up = this.portUp;
    const kind = this.nodeKind;
    const peerNode = new Int32Array(this.portCount);
    for (let p = 0; p < this.portCount; p++) peerNode[p] = this.portOwner[this.portPeer[p]!]!;
    const nvswitch = new Uint8Array(N);
    this.topology.nodes.forEach((node, n) => {
      nvswitch[n] = node.kind === 'nvswitch' ? 1 : 0;
    });
    for (let d = 0; d < H; d++) {
      dist.fill(-1);
      dist[d] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = d;
      while (head < tail) {
        const v = queue[head++]!;
        if (v !== d && kind[v] === KIND_HOST) continue; // hosts never forward
        const next = dist[v]! + 1;
        for (let p = base[v]!, end = base[v]! + countOf[v]!; p < end; p++) {
          if (up[p] === 0) continue;
          const u = peerNode[p]!;
          if (dist[u] === -1) {
            dist[u] = next;
            queue[tail++] = u;
          }
        }
      }
      for (let n = 0; n < N; n++) {
        start[d * N + n] = used;
        const dn = dist[n]!;
        if (n === d || dn <= 0) continue;
        const first = base[n]!;
        const end = first + countOf[n]!;
        let nvlinkOnly = false;
        if (kind[n] === KIND_HOST) {
          // A GPU reaches a GPU of its own server over NVLink, never over the NIC.
          for (let p = first; p < end; p++) {
            const u = peerNode[p]!;
            if (up[p] === 1 && nvswitch[u] === 1 && dist[u] === dn - 1) nvlinkOnly = true;
          }
        }
        for (let p = first; p < end; p++) {
          if (up[p] === 0) continue;
          const u = peerNode[p]!;
          if (dist[u] !== dn - 1) continue;
          // Only the destination host terminates a path; every node the BFS discovered was
          // discovered from a switch or from d, so this leaves each reachable node a candidate.
          if (u !== d && kind[u] === KIND_HOST) continue;
          if (nvlinkOnly && nvswitch[u] === 0) continue;
          if (used === ports.length) {
            const grown = new Int32Array(ports.length * 2);
            grown.set(ports);
            ports = grown;
          }
          ports[used++] = p;
        }
      }
    }
    start[N * H] = used;
    return { start, ports: ports.slice(0, used) };
  }
}

/** Throws for a flow whose source is its destination or that has no route (as `PacketNetwork.addFlows` does). */
export function checkRoutable(routes: FabricRoutes, flows: readonly { src: number; dst: number }[]): void {
  flows.forEach((flow, f) => {
    if (flow.src === flow.dst) throw new Error(`flow ${f}: source and destination are the same NIC`);
    if (routes.routeCount(flow.src, flow.dst) === 0) {
      throw new Error(`flow ${f}: no route from node ${flow.src} to node ${flow.dst}`);
    }
  });
}
