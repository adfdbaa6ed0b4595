import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../core/config.js';
import { WeftError } from '../../core/errors.js';
import { switchPreset } from '../../switch-model/presets.js';
import { PacketNetwork } from '../packet/network.js';
import { ClusterSpecSchema, DEFAULT_CLUSTER, type ClusterSpecInput } from './spec.js';
import { buildTopology } from './topology.js';

const build = (input: ClusterSpecInput) => buildTopology(ClusterSpecSchema.parse(input));
const gpus = (count: number, gpusPerServer = 1) => [{ count, gpuType: 'h100', gpusPerServer }];

describe('topology builders', () => {
  it('builds a k-ary fat tree: k^3/4 hosts, 5k^2/4 switches, 3 k^3/4 links', () => {
    const topo = build({ servers: gpus(16), topology: { kind: 'fat-tree', k: 4 } });
    expect(topo.gpus).toHaveLength(16);
    expect(topo.nodes.filter((n) => n.kind === 'switch')).toHaveLength(20);
    expect(topo.links).toHaveLength(48);
  });

  it('gives a leaf-spine leaf hostsPerLeaf / oversubscription uplinks', () => {
    const topo = build({ servers: gpus(32), topology: { kind: 'leaf-spine', hostsPerLeaf: 16, oversubscription: 2 } });
    const leaf0 = topo.nodes.findIndex((n) => n.name === 'leaf0');
    const uplinks = topo.links.filter((l) => l.a === leaf0 && topo.nodes[l.b]!.name.startsWith('spine'));
    expect(uplinks).toHaveLength(8);
    expect(topo.nodes.filter((n) => n.name.startsWith('spine'))).toHaveLength(8);
  });

  it('puts GPU i of every server on rail leaf i', () => {
    const topo = build({ servers: gpus(4, 8), topology: { kind: 'rail-optimized', spines: 2 } });
    const rail3 = topo.nodes.findIndex((n) => n.name === 'rail3');
    const onRail = topo.links.filter((l) => l.b === rail3 && l.a < topo.gpus.length).map((l) => topo.gpus[l.a]!.id);
    expect(onRail).toEqual(['srv0/gpu3', 'srv1/gpu3', 'srv2/gpu3', 'srv3/gpu3']);
  });

  it('models an NVLink domain as a switch that intra-server traffic uses', () => {
    const topo = buildTopology(DEFAULT_CLUSTER);
    expect(topo.nodes.filter((n) => n.kind === 'nvswitch')).toHaveLength(4);
    const net = new PacketNetwork(topo);
    expect(net.pathPorts(0, 1).map((p) => net.portName[p])).toEqual(['srv0/nic0->srv0/nvswitch', 'srv0/nvswitch->srv0/nic1']);
    expect(net.pathPorts(0, 16).map((p) => net.portName[p]!.split('->')[0])).toEqual(['srv0/nic0', 'leaf0', expect.stringMatching(/^spine/), 'leaf1']);
  });

  it('accepts a full switch spec in place of a preset name', () => {
    const custom = { ...switchPreset('tomahawk4-64x400g'), name: 'my-switch', radix: 8 };
    const topo = build({ servers: gpus(4), topology: { kind: 'single-switch' }, switch: custom });
    expect(topo.switchSpec.name).toBe('my-switch');
    expect(() => build({ servers: gpus(9), topology: { kind: 'single-switch' }, switch: custom })).toThrow(/8/);
  });

  it('has stable GPU and NIC ids', () => {
    const topo = buildTopology(DEFAULT_CLUSTER);
    expect(topo.gpus[9]).toMatchObject({ id: 'srv1/gpu1', nic: 'srv1/nic1', index: 9, node: 9 });
  });

  it('routes around a link that is down and slows a degraded one', () => {
    const spec = {
      servers: gpus(4),
      topology: { kind: 'leaf-spine' as const, hostsPerLeaf: 2, spines: 2, oversubscription: 1 },
      faults: [
        { between: ['leaf0', 'spine0'] as [string, string], state: 'down' as const },
        { between: ['leaf1', 'spine1'] as [string, string], state: 'degraded' as const, rateGbps: 100 },
      ],
    };
    const net = new PacketNetwork(build(spec));
    const path = net.pathPorts(0, 2).map((p) => net.portName[p]);
    expect(path).toContain('leaf0->spine1');
    expect(net.idealNs(0, 2, 0).bandwidthBytesPerNs).toBeCloseTo(12.5 * (4096 / 4178), 6);
  });

  it('rejects a cluster that does not fit the switch radix, and unknown fault nodes', () => {
    expect(() => build({ servers: gpus(65), topology: { kind: 'single-switch' } })).toThrow(WeftError);
    expect(() => build({ servers: gpus(4), topology: { kind: 'single-switch' }, faults: [{ between: ['leaf9', 'switch0'], state: 'down' }] })).toThrow(
      /unknown node/,
    );
  });
});

describe('ClusterSpec files', () => {
  it('names the line and field of a bad value', () => {
    const text = 'servers:\n  - count: 2\n    gpuType: h100\n    gpusPerServer: 0\ntopology: { kind: single-switch }\n';
    try {
      parseConfigText(text, ClusterSpecSchema, { file: 'cluster.yaml' });
      expect.unreachable();
    } catch (error) {
      expect((error as WeftError).details).toMatchObject({ file: 'cluster.yaml', line: 4, field: 'servers[0].gpusPerServer', value: 0 });
    }
  });

  it('rejects an unknown switch preset with the list of presets', () => {
    expect(() => parseConfigText('servers: [{count: 1, gpuType: h100, gpusPerServer: 2}]\ntopology: {kind: single-switch}\nswitch: th9\n', ClusterSpecSchema, { file: 'c.yaml' })).toThrow(
      WeftError,
    );
  });
});
