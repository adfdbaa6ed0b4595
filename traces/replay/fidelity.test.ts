import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';
import { buildTopology } from '../../fabric-sim/cluster/topology.js';
import { FlowNetwork } from '../../fabric-sim/network/flow-network.js';
import { ringCollective } from '../../fabric-sim/traffic/patterns.js';
import { allReduceNs } from './job-runtime.js';
import { replayCluster } from './replay-cluster.js';

/**
 * The replay's analytic all-reduce against the flow-level model (fabric-sim/network), for the
 * ring of one job placed on two servers. A second fidelity, and a statement of what the analytic
 * model assumes about oversubscription.
 */
const spec = (oversubscription: number) =>
  ClusterSpecSchema.parse({
    servers: [{ count: 2, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }],
    topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription },
    linkSpeedGbps: 400,
  });
const bytes = 340e6 * 4; // bert-large fp32 gradients

function flowAllReduceNs(oversubscription: number): number {
  const topology = buildTopology(spec(oversubscription));
  const net = new FlowNetwork(topology);
  net.addFlows(ringCollective('all-reduce', topology.gpus.map((g) => g.index), bytes).flows);
  net.run();
  return net.lastCompletionNs;
}

describe('analytic job all-reduce against the flow model', () => {
  it('agrees within 15% for a ring across two servers on a non-blocking fabric', () => {
    const cluster = replayCluster(spec(1));
    const analytic = allReduceNs({ gradientBytes: bytes, flopsPerGpu: 0 }, cluster.gpuOfNode[0]!, cluster.fabric, { gpus: 16, servers: 2, leaves: 2 });
    const flow = flowAllReduceNs(1);
    expect(Math.abs(analytic / flow - 1)).toBeLessThan(0.15);
  });

  it('prices a cross-leaf ring at the loaded uplink share, which a ring alone on the fabric does not see', () => {
    // Alone, the ring sends one flow each way across the leaves, far below the uplinks' capacity, so
    // the flow model finds no slowdown at 4:1. The analytic model divides the NIC rate by the
    // oversubscription: the case of a busy leaf whose hosts all send through its uplinks at once,
    // the contention a cluster-wide replay sees and a single ring does not. It is an upper bound.
    const flat = flowAllReduceNs(1);
    const over = flowAllReduceNs(4);
    expect(over / flat).toBeLessThan(1.05);
    const cluster = replayCluster(spec(4));
    const analytic = allReduceNs({ gradientBytes: bytes, flopsPerGpu: 0 }, cluster.gpuOfNode[0]!, cluster.fabric, { gpus: 16, servers: 2, leaves: 2 });
    expect(analytic / over).toBeGreaterThan(3);
  });
});
