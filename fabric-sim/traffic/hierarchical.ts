import type { FlowDef } from '../packet/network.js';
import { offsetFlows, ringCollective } from './patterns.js';

/**
 * Hierarchical all-reduce over `servers` (each a list of the GPU ranks of one server, the same
 * count g in each, ordered by local index):
 *
 * 1. reduce-scatter of S over each server's GPUs (a ring over NVLink): each GPU holds S/g reduced;
 * 2. all-reduce of S/g across servers among the GPUs of each local index (a ring over the
 *    fabric, one per rail, all rails at once);
 * 3. all-gather of S over each server's GPUs (NVLink).
 *
 * A GPU enters phase 2 when its last phase-1 piece has arrived, and phase 3 when its last
 * phase-2 piece has arrived; the rings' own dependencies do the rest.
 */
export function hierarchicalAllReduceFlows(servers: readonly (readonly number[])[], bytes: number, startNs = 0, chunkBytes = Infinity): FlowDef[] {
  const g = servers[0]?.length ?? 0;
  if (servers.length < 2 || g < 1 || servers.some((s) => s.length !== g)) {
    throw new RangeError(`hierarchicalAllReduceFlows: needs at least 2 servers of the same GPU count, got sizes ${servers.map((s) => s.length).join(', ')}`);
  }
  const flows: FlowDef[] = [];
  /** Flow indices of the last step into each rank, from the phase just added. */
  let finalInto = new Map<number, number[]>();
  const append = (phase: FlowDef[], gate: Map<number, number[]>): Map<number, number[]> => {
    const base = flows.length;
    const shifted = offsetFlows(phase, base);
    for (const flow of shifted) {
      if (flow.deps.length === 0 && gate.has(flow.src)) {
        flow.deps = gate.get(flow.src)!;
        flow.startNs = 0;
      }
    }
    for (const flow of shifted) flows.push(flow); // no spread: phases of 100,000+ flows overflow the stack
    // The final receives of this phase: for each destination, its highest-index incoming flows
    // that no later flow of the phase (into the same rank) depends on.
    const into = new Map<number, number[]>();
    const dependedOn = new Set<number>();
    for (const flow of shifted) for (const d of flow.deps) dependedOn.add(d);
    shifted.forEach((flow, i) => {
      if (dependedOn.has(base + i)) return;
      const list = into.get(flow.dst) ?? [];
      list.push(base + i);
      into.set(flow.dst, list);
    });
    return into;
  };
  const intra = (kind: 'reduce-scatter' | 'all-gather', gate: Map<number, number[]>): Map<number, number[]> => {
    const merged = new Map<number, number[]>();
    for (const server of servers) {
      if (g < 2) continue;
      for (const [rank, list] of append(ringCollective(kind, server, bytes, startNs, chunkBytes).flows, gate)) merged.set(rank, list);
    }
    return merged;
  };
  finalInto = intra('reduce-scatter', new Map());
  const railGate = finalInto;
  const afterRails = new Map<number, number[]>();
  for (let local = 0; local < g; local++) {
    const rail = servers.map((s) => s[local]!);
    const share = Math.max(1, Math.ceil(bytes / g));
    for (const [rank, list] of append(ringCollective('all-reduce', rail, share, startNs, chunkBytes).flows, railGate)) afterRails.set(rank, list);
  }
  intra('all-gather', afterRails);
  return flows;
}
