import type { Topology } from '../../../../fabric-sim/cluster/topology.js';
import type { BuiltTraffic } from '../../../../fabric-sim/scenario.js';
import type { WorkloadKind } from '../../model/snapshot.js';

/** One row of the workloads table of a fabric scenario: a flow, a traffic pattern, or a collective. */
export interface TrafficWorkload {
  name: string;
  kind: Extract<WorkloadKind, 'flows' | 'collective'>;
  /** Flow indices (into the network's flows). */
  flows: readonly number[];
  /** GPU indices the flows start or end at. */
  gpus: readonly number[];
  totalBytes: number;
  /** Collectives: the alpha-beta closed form of the completion time, ns. */
  closedFormNs?: number;
}

/**
 * The scenario's traffic as workloads: each flow of an explicit `flows` entry is its own row
 * (the file lists them one by one); a pattern (permutation, incast) or a collective is one row
 * over all its flows, named after its entry (`t2 all-reduce x16`).
 */
export function trafficWorkloads(traffic: BuiltTraffic, topology: Topology, closedFormsNs: readonly number[]): TrafficWorkload[] {
  const id = (gpu: number): string => topology.gpus[gpu]?.id ?? String(gpu);
  const rows: TrafficWorkload[] = [];
  let collective = 0;
  traffic.items.forEach((item, i) => {
    const range = Array.from({ length: item.count }, (_, k) => item.first + k);
    const bytesOf = (flows: readonly number[]) => flows.reduce((sum, f) => sum + traffic.flows[f]!.bytes, 0);
    const endpoints = (flows: readonly number[]) => [...new Set(flows.flatMap((f) => [traffic.flows[f]!.src, traffic.flows[f]!.dst]))].sort((a, b) => a - b);
    switch (item.kind) {
      case 'flows':
        for (const f of range) {
          const flow = traffic.flows[f]!;
          rows.push({ name: `t${i} flow ${id(flow.src)}->${id(flow.dst)}`, kind: 'flows', flows: [f], gpus: [flow.src, flow.dst], totalBytes: flow.bytes });
        }
        break;
      case 'permutation':
        rows.push({ name: `t${i} permutation x${item.count}`, kind: 'flows', flows: range, gpus: endpoints(range), totalBytes: bytesOf(range) });
        break;
      case 'incast': {
        const receiver = traffic.flows[item.first]!.dst;
        rows.push({ name: `t${i} incast ${item.count}->1 ${id(receiver)}`, kind: 'flows', flows: range, gpus: endpoints(range), totalBytes: bytesOf(range) });
        break;
      }
      default: {
        const c = traffic.collectives[collective]!;
        const closedFormNs = closedFormsNs[collective];
        collective++;
        rows.push({
          name: `t${i} ${item.kind} x${c.collective.ranks.length}`,
          kind: 'collective',
          flows: range,
          gpus: [...c.collective.ranks].sort((a, b) => a - b),
          totalBytes: bytesOf(range),
          ...(closedFormNs === undefined ? {} : { closedFormNs }),
        });
      }
    }
  });
  return rows;
}
