import type { PathIdeal } from '../network/fabric-network.js';
import type { Collective } from './patterns.js';
import { busBandwidthFactor, ringClosedFormNs } from './patterns.js';
import { doubleBinaryTree } from './tree.js';

/**
 * Alpha-beta closed forms of every collective, from the alpha and B of the pairs it uses
 * (issue 3 definitions). The slowest pair (largest alpha, smallest B) sets the pace.
 */

/** Alpha and B of a path between two ranks. */
export type PairIdeal = (a: number, b: number) => Pick<PathIdeal, 'alphaNs' | 'bandwidthBytesPerNs'>;

interface PairCost {
  alphaNs: number;
  bandwidthBytesPerNs: number;
}

function slowest(pairs: Iterable<[number, number]>, ideal: PairIdeal): PairCost {
  let alphaNs = 0;
  let bandwidthBytesPerNs = Infinity;
  for (const [a, b] of pairs) {
    const cost = ideal(a, b);
    alphaNs = Math.max(alphaNs, cost.alphaNs);
    bandwidthBytesPerNs = Math.min(bandwidthBytesPerNs, cost.bandwidthBytesPerNs);
  }
  return { alphaNs, bandwidthBytesPerNs };
}

function* ringPairs(ranks: readonly number[]): Generator<[number, number]> {
  for (let r = 0; r < ranks.length; r++) yield [ranks[r]!, ranks[(r + 1) % ranks.length]!];
}

/**
 * One tree's all-reduce of `pieceBytes` with no pipelining, along its critical path: a node
 * finishes its reduce once its slowest child's piece is in, and the root's result travels back
 * down. A transfer over edge (a, b) takes alpha(a, b) + m d / B(a, b), where m counts the
 * node's tree edges of the same bandwidth, which share one link of that node (its NIC, or its
 * NVLink port): a node's NVLink and NIC transfers run side by side.
 */
function oneTreeNs(parent: Int32Array, ranks: readonly number[], pieceBytes: number, ideal: PairIdeal): number {
  const n = parent.length;
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) if (parent[v]! >= 0) kids[parent[v]!]!.push(v);
  /** Time for the edge child -> up (or up -> child): alpha + sharers x d / B. */
  const edgeNs = (child: number, up: number, reverse: boolean): number => {
    const [a, b] = reverse ? [ranks[up]!, ranks[child]!] : [ranks[child]!, ranks[up]!];
    const cost = ideal(a, b);
    const sharers = kids[up]!.filter((c) => {
      const other = reverse ? ideal(ranks[up]!, ranks[c]!) : ideal(ranks[c]!, ranks[up]!);
      return other.bandwidthBytesPerNs === cost.bandwidthBytesPerNs;
    }).length;
    return cost.alphaNs + (sharers * pieceBytes) / cost.bandwidthBytesPerNs;
  };
  // Deepest first: every child before its parent.
  const depthOrder = Array.from({ length: n }, (_, v) => v).sort((a, b) => depth(parent, b) - depth(parent, a));
  const reduced = new Float64Array(n);
  for (const v of depthOrder) {
    const up = parent[v]!;
    if (up >= 0) reduced[up] = Math.max(reduced[up]!, reduced[v]! + edgeNs(v, up, false));
  }
  let total = 0;
  const received = new Float64Array(n);
  for (const v of depthOrder.toReversed()) {
    const up = parent[v]!;
    if (up < 0) {
      received[v] = reduced[v]!;
      continue;
    }
    received[v] = received[up]! + edgeNs(v, up, true);
    total = Math.max(total, received[v]);
  }
  return total;
}

function depth(parent: Int32Array, v: number): number {
  let d = 0;
  for (let u = v; parent[u]! >= 0; u = parent[u]!) d++;
  return d;
}

/**
 * Double binary tree all-reduce of S in k pieces per tree half. Unpipelined (k = 1): the
 * slower tree's critical path (`oneTreeNs`), exact when the two trees do not meet on a link.
 * The pipelined cadence uses the slowest tree edge.
 * Pipelined: the first pieces' critical path, then one piece of d = S/2k per cadence, where
 * the cadence is the busiest NIC's (an interior node of one tree moves 4 pieces in each
 * direction per round: two children's reduces in, one broadcast in, one reduce of the other
 * tree out ...) or an edge's own alpha + 2d/B (one piece in flight per edge):
 *
 *     T = T_1(d) + (k - 1) max(alpha + 2d/B, 4d/B).
 */
export function treeAllReduceClosedFormNs(ranks: readonly number[], bytes: number, pieces: number, ideal: PairIdeal): number {
  const piece = Math.ceil(bytes / 2) / pieces;
  const trees = doubleBinaryTree(ranks.length);
  const first = Math.max(...trees.map((parent) => oneTreeNs(parent, ranks, piece, ideal)));
  const pairs: [number, number][] = [];
  for (const parent of trees) parent.forEach((up, v) => up >= 0 && pairs.push([ranks[v]!, ranks[up]!]));
  const cost = slowest(pairs, ideal);
  if (pieces === 1) return first;
  const cadence = Math.max(cost.alphaNs + (2 * piece) / cost.bandwidthBytesPerNs, (4 * piece) / cost.bandwidthBytesPerNs);
  return first + (pieces - 1) * cadence;
}

/**
 * Hierarchical all-reduce of S over m servers of g GPUs: NVLink reduce-scatter, fabric ring
 * all-reduce of S/g per rail, NVLink all-gather, one after the other:
 *
 *     T = 2 [(g-1) alpha_nv + (g-1)/g S/B_nv] + 2(m-1) alpha_net + 2(m-1)/m (S/g)/B_net.
 */
export function hierarchicalAllReduceClosedFormNs(g: number, m: number, bytes: number, nvlink: PairCost, fabric: PairCost): number {
  const intra = g < 2 ? 0 : ringClosedFormNs('reduce-scatter', g, bytes, nvlink.alphaNs, nvlink.bandwidthBytesPerNs);
  return 2 * intra + ringClosedFormNs('all-reduce', m, Math.ceil(bytes / g), fabric.alphaNs, fabric.bandwidthBytesPerNs);
}

/** The closed form of a collective built by traffic/ (ring, tree, hierarchical, all-to-all). */
export function collectiveClosedFormNs(collective: Collective, ideal: PairIdeal): number {
  const n = collective.ranks.length;
  switch (collective.kind) {
    case 'tree-all-reduce':
      return treeAllReduceClosedFormNs(collective.ranks, collective.bytes, collective.pieces ?? 1, ideal);
    case 'hierarchical-all-reduce': {
      const servers = collective.servers ?? [collective.ranks];
      const nvlink = slowest(servers.flatMap((s) => [...ringPairs(s)]), ideal);
      const rails = servers[0]!.map((_, local) => servers.map((s) => s[local]!));
      const fabric = slowest(rails.flatMap((rail) => [...ringPairs(rail)]), ideal);
      return hierarchicalAllReduceClosedFormNs(servers[0]!.length, servers.length, collective.bytes, nvlink, fabric);
    }
    default: {
      const cost = slowest(ringPairs(collective.ranks), ideal);
      return ringClosedFormNs(collective.kind, n, collective.bytes, cost.alphaNs, cost.bandwidthBytesPerNs);
    }
  }
}

export { busBandwidthFactor };
