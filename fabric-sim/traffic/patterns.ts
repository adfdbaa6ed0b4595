import type { RandomStream } from '../engine/random.js';
import type { FlowDef } from '../packet/network.js';

/**
 * Traffic patterns as flow lists, and collectives as dependency graphs of flows. Flow indices
 * in `deps` are relative to the returned list; `offsetFlows` rebases them when lists are joined.
 * Hosts are NIC node indices (equal to GPU indices).
 */

export type CollectiveKind = 'all-reduce' | 'reduce-scatter' | 'all-gather' | 'all-to-all';

export interface Collective {
  kind: CollectiveKind;
  ranks: readonly number[];
  /** S: the buffer size of the collective (nccl-tests convention). */
  bytes: number;
  flows: FlowDef[];
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
 * r+1; it depends on rank r having received step k-1 from rank r-1 and on its own step k-1
 * (one queue pair per neighbour, messages in order).
 *
 * all-reduce: 2(n-1) steps of S/n (reduce-scatter then all-gather);
 * reduce-scatter and all-gather: n-1 steps of S/n.
 */
export function ringCollective(kind: 'all-reduce' | 'reduce-scatter' | 'all-gather', ranks: readonly number[], bytes: number, startNs = 0): Collective {
  const n = ranks.length;
  const steps = kind === 'all-reduce' ? 2 * (n - 1) : n - 1;
  const chunks = splitBytes(bytes, n);
  const flows: FlowDef[] = [];
  for (let step = 0; step < steps; step++) {
    for (let r = 0; r < n; r++) {
      const deps = step === 0 ? [] : [(step - 1) * n + ((r - 1 + n) % n), (step - 1) * n + r];
      // The chunk index rank r sends at this step (the ring schedule of Patarasuk & Yuan).
      const chunk = (((r - step) % n) + n) % n;
      flows.push({ src: ranks[r]!, dst: ranks[(r + 1) % n]!, bytes: chunks[chunk]!, startNs: step === 0 ? startNs : 0, deps });
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
  return kind === 'all-reduce' ? (2 * (n - 1)) / n : (n - 1) / n;
}

/** Closed-form alpha-beta time of a ring collective with no contention. */
export function ringClosedFormNs(kind: CollectiveKind, n: number, bytes: number, alphaNs: number, bandwidthBytesPerNs: number): number {
  const steps = kind === 'all-reduce' ? 2 * (n - 1) : n - 1;
  if (kind === 'all-to-all') return alphaNs + ((n - 1) * (bytes / n)) / bandwidthBytesPerNs;
  return steps * alphaNs + (steps / n) * (bytes / bandwidthBytesPerNs);
}
