import type { RandomStream } from '../engine/random.js';
import type { FlowDef } from '../packet/network.js';

/**
 * Traffic patterns as flow lists, and collectives as dependency graphs of flows. Flow indices
 * in `deps` are relative to the returned list; `offsetFlows` rebases them when lists are joined.
 * Hosts are NIC node indices (equal to GPU indices).
 */

export type CollectiveKind = 'all-reduce' | 'reduce-scatter' | 'all-gather' | 'all-to-all' | 'tree-all-reduce' | 'hierarchical-all-reduce';

export interface Collective {
  kind: CollectiveKind;
  ranks: readonly number[];
  /** S: the buffer size of the collective (nccl-tests convention). */
  bytes: number;
  flows: FlowDef[];
  /** Tree all-reduce: pieces each tree's half moves in (pipelining). */
  pieces?: number;
  /** Hierarchical all-reduce: the ranks of each server, by local index. */
  servers?: readonly (readonly number[])[];
}

/** Splits `bytes` into `n` near-equal integer parts (the first ones take the remainder). */
export function splitBytes(bytes: number, n: number): number[] {
  const base = Math.floor(bytes / n);
  const extra = bytes - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Flows of one list appended after `offset` others: dependencies move with them. */
export function offsetFlows(flows: readonly FlowDef[], offset: number): FlowDef[] {
  return flows.map((f) => ({ ...f, deps: f.deps.map((d) => d + offset) }));
}

/** Every host sends `bytes` to another host, a random derangement. */
export function permutation(hosts: readonly number[], bytes: number, random: RandomStream, startNs = 0): FlowDef[] {
  const n = hosts.length;
  const order = hosts.map((_, i) => i);
  for (;;) {
    for (let i = n - 1; i > 0; i--) {
      const j = random.integer(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    if (order.every((target, i) => target !== i)) break;
  }
  return hosts.map((src, i) => ({ src, dst: hosts[order[i]!]!, bytes, startNs, deps: [] }));
}

/** Every sender sends `bytes` to one receiver at once. */
export function incast(senders: readonly number[], receiver: number, bytes: number, startNs = 0): FlowDef[] {
  return senders.map((src) => ({ src, dst: receiver, bytes, startNs, deps: [] }));
}

/**
 * Ring collectives over `ranks` in the given order. Step k of rank r sends its chunk to rank
 * r+1; it depends on rank r having received step k-1 from rank r-1 and on its own previous
 * message (one queue pair per neighbour, messages in order).
 *
 * all-reduce: 2(n-1) steps of S/n (reduce-scatter then all-gather);
 * reduce-scatter and all-gather: n-1 steps of S/n.
 *
 * With `chunkBytes`, each step's S/n is sent as pieces of at most that size, pipelined as NCCL
 * does: piece j of step k waits only for piece j of step k-1 from the left neighbour.
 */
export function ringCollective(
  kind: 'all-reduce' | 'reduce-scatter' | 'all-gather',
  ranks: readonly number[],
  bytes: number,
  startNs = 0,
  chunkBytes = Infinity,
): Collective {
  const n = ranks.length;
  const steps = kind === 'all-reduce' ? 2 * (n - 1) : n - 1;
  const chunks = splitBytes(bytes, n);
  const pieces = Math.max(1, Math.ceil(Math.max(...chunks) / chunkBytes));
  const index = (step: number, piece: number, r: number) => (step * pieces + piece) * n + r;
  const flows: FlowDef[] = [];
  for (let step = 0; step < steps; step++) {
    for (let piece = 0; piece < pieces; piece++) {
      for (let r = 0; r < n; r++) {
        const deps: number[] = [];
        if (step > 0) deps.push(index(step - 1, piece, (r - 1 + n) % n));
        // Unchunked, a rank's next message also follows its previous one on the queue pair.
        // Chunked, pieces of different steps overlap (as NCCL's channels do) and share the NIC.
        if (pieces === 1 && step > 0) deps.push(index(step - 1, 0, r));
        // The chunk rank r sends at this step (the ring schedule of Patarasuk & Yuan).
        const chunk = (((r - step) % n) + n) % n;
        const size = splitBytes(chunks[chunk]!, pieces)[piece]!;
        flows.push({ src: ranks[r]!, dst: ranks[(r + 1) % n]!, bytes: Math.max(1, size), startNs: deps.length === 0 ? startNs : 0, deps });
      }
    }
  }
  return { kind, ranks, bytes, flows };
}

/** All-to-all: every rank sends S/n to every other rank at once. */
export function allToAll(ranks: readonly number[], bytes: number, startNs = 0): Collective {
  const n = ranks.length;
  const part = Math.floor(bytes / n);
  const flows: FlowDef[] = [];
  for (const src of ranks) for (const dst of ranks) if (src !== dst) flows.push({ src, dst, bytes: part, startNs, deps: [] });
  return { kind: 'all-to-all', ranks, bytes, flows };
}

/** nccl-tests bus-bandwidth factor: busBw = algBw x factor (algBw = S / time). */
export function busBandwidthFactor(kind: CollectiveKind, n: number): number {
  const allReduce = kind === 'all-reduce' || kind === 'tree-all-reduce' || kind === 'hierarchical-all-reduce';
  return allReduce ? (2 * (n - 1)) / n : (n - 1) / n;
}

/** Closed-form alpha-beta time of a ring collective with no contention. */
export function ringClosedFormNs(kind: CollectiveKind, n: number, bytes: number, alphaNs: number, bandwidthBytesPerNs: number): number {
  const steps = kind === 'all-reduce' ? 2 * (n - 1) : n - 1;
  if (kind === 'all-to-all') return alphaNs + ((n - 1) * (bytes / n)) / bandwidthBytesPerNs;
  return steps * alphaNs + (steps / n) * (bytes / bandwidthBytesPerNs);
}
