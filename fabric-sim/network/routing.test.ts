import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema } from '../cluster/spec.js';
import { buildTopology } from '../cluster/topology.js';
import { PacketNetwork } from '../packet/network.js';
import { parseScenario, runScenario } from '../scenario.js';
import { FabricRoutes } from './routing.js';

/** 4 servers of 4 GPUs joined by NVLink, one rail leaf per GPU index, 2 spines. */
const railCluster = {
  name: 'rail-16',
  servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 4, nvlink: { bandwidthGbps: 3_600 } }],
  topology: { kind: 'rail-optimized' as const, spines: 2 },
  linkSpeedGbps: 100,
  propagationDelayNs: 1_000,
  mtuBytes: 4_096,
};

describe('FabricRoutes', () => {
  it('never lists a host other than the destination as a next hop', () => {
    const routes = new FabricRoutes(buildTopology(ClusterSpecSchema.parse(railCluster)));
    let hops = 0;
    for (let node = 0; node < routes.nodeCount; node++) {
      for (let dst = 0; dst < routes.hostCount; dst++) {
        for (const port of routes.nextHops(node, dst)) {
          const next = routes.portOwner[routes.portPeer[port]!]!;
          hops++;
          if (next < routes.hostCount) expect(next).toBe(dst);
        }
      }
    }
    expect(hops).toBeGreaterThan(0);
  });

  it('carries a cross-rail pair over the spines to the destination NIC, not into a peer GPU NIC', () => {
    const topo = buildTopology(ClusterSpecSchema.parse(railCluster));
    const routes = new FabricRoutes(topo);
    const gpu = (id: string) => topo.gpus.find((g) => g.id === id)!.index;
    const src = gpu('srv0/gpu3');
    const dst = gpu('srv1/gpu0');
    const names = routes.pathPorts(src, dst).map((p) => routes.portName[p]);
    expect(names[0]).toBe('srv0/nic3->rail3');
    expect(names[1]).toMatch(/^rail3->spine/);
    expect(names.at(-1)).toBe('rail0->srv1/nic0');
    // 4 links of 1 us and 3 cut-through switches with the preset's port-to-port latency.
    expect(routes.idealNs(src, dst, 0).alphaNs).toBeCloseTo(4_000 + 3 * topo.switchSpec.portToPortLatencyNs, 6);
    for (let e = 0; e < 64; e++) {
      const path = routes.ecmpPath(src, dst, 49_152 + e);
      expect(routes.portOwner[routes.portPeer[path.at(-1)!]!]).toBe(dst);
      expect(path).toHaveLength(4);
    }
  });

  it('gives the packet model the same ports, routes and ECMP paths the flow fidelities use', () => {
    const topo = buildTopology(ClusterSpecSchema.parse(railCluster));
    const routes = new FabricRoutes(topo, 3);
    const net = new PacketNetwork(topo, { seed: 3 });
    net.addFlows([
      { src: 3, dst: 4, bytes: 10_000, startNs: 0, deps: [] },
      { src: 0, dst: 13, bytes: 10_000, startNs: 0, deps: [] },
    ]);
    const entropy = routes.flowEntropies(2);
    expect(net.ecmpPathPorts(0)).toEqual(routes.ecmpPath(3, 4, entropy[0]!));
    expect(net.ecmpPathPorts(1)).toEqual(routes.ecmpPath(0, 13, entropy[1]!));
    expect(net.portName).toEqual(routes.portName);
  });
});

describe('ideal completion times', () => {
  it('no flow of a rail-optimized ring all-reduce (cross-rail ring hops included) finishes below its ideal', () => {
    const result = runScenario(
      parseScenario({
        cluster: railCluster,
        switch: { pfc: true, portToPortLatencyNs: 0 },
        transport: { cc: 'dcqcn' },
        traffic: [{ kind: 'all-reduce', bytes: 1 << 20 }],
      }),
    );
    expect(result.summary.completed).toBe(result.summary.flows);
    // Ring order is GPU order, so srv<s>/gpu3 -> srv<s+1>/gpu0 hops cross rails.
    const crossRail = result.flows.filter((f) => f.src.endsWith('gpu3') && f.dst.endsWith('gpu0'));
    expect(crossRail.length).toBeGreaterThan(0);
    for (const f of crossRail) expect(f.path.at(-1)).toMatch(new RegExp(`->${f.dst.replace('gpu', 'nic')}$`));
    // FCTs are rounded to 1 ps; the ideal is a lower bound on every flow.
    const below = result.flows.filter((f) => f.fctNs! < f.idealNs - 1e-3);
    expect(below).toEqual([]);
    const best = Math.min(...result.flows.map((f) => f.slowdown!));
    expect(best).toBeGreaterThanOrEqual(1);
  });
});
