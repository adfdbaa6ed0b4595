import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema, DEFAULT_CLUSTER } from '../../fabric-sim/cluster/spec.js';
import { nodesFromClusterSpec } from './from-cluster-spec.js';

describe('nodesFromClusterSpec', () => {
  it('makes one node per server of the default cluster, on the leaf its NICs attach to', () => {
    const nodes = nodesFromClusterSpec(DEFAULT_CLUSTER);
    expect(nodes.map((n) => n.name)).toEqual(['srv0', 'srv1', 'srv2', 'srv3']);
    expect(nodes.every((n) => n.gpuCount === 8 && n.gpuType === 'h100')).toBe(true);
    // 16 NICs per leaf: servers 0-1 on leaf0, 2-3 on leaf1.
    expect(nodes.map((n) => n.leaf)).toEqual([0, 0, 1, 1]);
    expect(nodes.map((n) => n.labels['weft.dev/leaf'])).toEqual(['leaf0', 'leaf0', 'leaf1', 'leaf1']);
    expect(new Set(nodes.map((n) => n.nvlinkDomain)).size).toBe(4);
    expect(nodes[0]!.cpuMilli).toBe(96_000);
  });

  it('reads fat-tree pods as spine groups and edge switches as leaves', () => {
    const spec = ClusterSpecSchema.parse({
      servers: [{ count: 8, gpuType: 'a100', gpusPerServer: 2 }],
      topology: { kind: 'fat-tree', k: 4 },
      linkSpeedGbps: 100,
    });
    const nodes = nodesFromClusterSpec(spec);
    // k=4: 4 pods x 2 edges x 2 hosts; each 2-GPU server fills one edge.
    expect(nodes.map((n) => n.spineGroup)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(nodes.map((n) => n.leaf)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('puts every server of a rail-optimized fabric in one leaf group', () => {
    const spec = ClusterSpecSchema.parse({
      servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }],
      topology: { kind: 'rail-optimized', spines: 2 },
      linkSpeedGbps: 400,
    });
    const nodes = nodesFromClusterSpec(spec, { cpuMilliPerGpu: 1000, memoryMiBPerGpu: 1024 });
    expect(nodes.map((n) => n.leaf)).toEqual([0, 0, 0, 0]);
    expect(nodes[3]!.memoryMiB).toBe(8 * 1024);
    expect(nodes[3]!.labels['weft.dev/nvlink-domain']).toBe('srv3');
  });
});
