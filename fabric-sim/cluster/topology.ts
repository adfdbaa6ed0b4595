import { badInput } from '../../core/errors.js';
import { switchPreset } from '../../switch-model/presets.js';
import type { SwitchSpec } from '../../switch-model/spec.js';
import type { ClusterSpec } from './spec.js';

export type NodeKind = 'nic' | 'switch' | 'nvswitch';

export interface TopoNode {
  /** Stable name: `srv3/nic5`, `leaf0`, `spine2`, `pod1-agg0`, `core3`, `rail4`, `srv3/nvswitch`. */
  name: string;
  kind: NodeKind;
}

export interface TopoLink {
  a: number;
  b: number;
  rateGbps: number;
  propagationDelayNs: number;
  up: boolean;
}

/** A GPU and the NIC it owns. Ids are stable for a given spec: placements refer to them. */
export interface GpuInfo {
  /** `srv<server>/gpu<local>`. */
  id: string;
  /** Position in the cluster's GPU list (0-based). */
  index: number;
  server: string;
  localIndex: number;
  gpuType: string;
  /** `srv<server>/nic<local>`. */
  nic: string;
  /** Node index of the NIC (hosts come first, so this equals `index`). */
  node: number;
}

/**
 * The cluster as a graph. Nodes `0 .. gpus.length - 1` are the NICs (one per GPU, in GPU
 * order); switches follow. Links are full duplex.
 */
export interface Topology {
  nodes: TopoNode[];
  links: TopoLink[];
  gpus: GpuInfo[];
  switchSpec: SwitchSpec;
  nvswitchSpec: SwitchSpec;
  mtuBytes: number;
  linkSpeedGbps: number;
  propagationDelayNs: number;
}

/** Builds the topology of a cluster spec; rejects one that does not fit the switch radix. */
export function buildTopology(spec: ClusterSpec): Topology {
  const switchSpec = typeof spec.switch === 'string' ? switchPreset(spec.switch) : structuredClone(spec.switch);
  const linkSpeedGbps = spec.linkSpeedGbps ?? switchSpec.portSpeedGbps;
  const prop = spec.propagationDelayNs;
  const nodes: TopoNode[] = [];
  const links: TopoLink[] = [];
  const gpus: GpuInfo[] = [];
  const servers: { name: string; gpus: number[]; nvlinkGbps?: number; nvlinkLatencyNs: number }[] = [];

  let serverIndex = 0;
  for (const group of spec.servers) {
    for (let s = 0; s < group.count; s++, serverIndex++) {
      const server = `srv${serverIndex}`;
      const ids: number[] = [];
      for (let g = 0; g < group.gpusPerServer; g++) {
        const index = gpus.length;
        const nic = `${server}/nic${g}`;
        gpus.push({ id: `${server}/gpu${g}`, index, server, localIndex: g, gpuType: group.gpuType, nic, node: index });
        nodes.push({ name: nic, kind: 'nic' });
        ids.push(index);
      }
      servers.push({
        name: server,
        gpus: ids,
        ...(group.nvlink === undefined ? {} : { nvlinkGbps: group.nvlink.bandwidthGbps }),
        nvlinkLatencyNs: group.nvlink?.latencyNs ?? 0,
      });
    }
  }
  const hostCount = gpus.length;
  const addSwitch = (name: string): number => {
    nodes.push({ name, kind: 'switch' });
    return nodes.length - 1;
  };
  const link = (a: number, b: number): void => {
    links.push({ a, b, rateGbps: linkSpeedGbps, propagationDelayNs: prop, up: true });
  };
  const checkRadix = (what: string, ports: number): void => {
    if (ports > switchSpec.radix) {
      throw badInput(`${what} needs ${ports} ports but the switch has ${switchSpec.radix}`, {
        field: 'topology',
        value: ports,
        expected: `at most ${switchSpec.radix} ports per switch (switch ${switchSpec.name})`,
      });
    }
  };

  const topo = spec.topology;
  switch (topo.kind) {
    case 'single-switch': {
      checkRadix('the single switch', hostCount);
      const sw = addSwitch('switch0');
      for (let h = 0; h < hostCount; h++) link(h, sw);
      break;
    }
    case 'leaf-spine': {
      const leaves = Math.ceil(hostCount / topo.hostsPerLeaf);
      const uplinks = Math.max(1, Math.round(topo.hostsPerLeaf / topo.oversubscription));
      const spines = topo.spines ?? uplinks;
      checkRadix('a leaf', topo.hostsPerLeaf + uplinks);
      checkRadix('a spine', Math.ceil(uplinks / spines) * leaves);
      const leafIds: number[] = [];
      for (let l = 0; l < leaves; l++) leafIds.push(addSwitch(`leaf${l}`));
      const spineIds: number[] = [];
      for (let s = 0; s < spines; s++) spineIds.push(addSwitch(`spine${s}`));
      for (let h = 0; h < hostCount; h++) link(h, leafIds[Math.floor(h / topo.hostsPerLeaf)]!);
      if (leaves > 1) {
        for (const leaf of leafIds) for (let u = 0; u < uplinks; u++) link(leaf, spineIds[u % spines]!);
      }
      break;
    }
    case 'fat-tree': {
      const k = topo.k;
      const half = k / 2;
      const capacity = (k * k * k) / 4;
      if (hostCount > capacity) {
        throw badInput(`a k=${k} fat tree holds ${capacity} hosts, the cluster has ${hostCount} NICs`, {
          field: 'topology.k',
          value: k,
          expected: `k with k^3/4 >= ${hostCount}`,
        });
      }
      checkRadix('a fat-tree switch', k);
      const cores: number[] = [];
      for (let c = 0; c < half * half; c++) cores.push(addSwitch(`core${c}`));
      for (let p = 0; p < k; p++) {
        const edges: number[] = [];
        const aggs: number[] = [];
        for (let e = 0; e < half; e++) edges.push(addSwitch(`pod${p}-edge${e}`));
        for (let a = 0; a < half; a++) aggs.push(addSwitch(`pod${p}-agg${a}`));
        for (let e = 0; e < half; e++) {
          for (let i = 0; i < half; i++) {
            const h = p * half * half + e * half + i;
            if (h < hostCount) link(h, edges[e]!);
          }
          for (const agg of aggs) link(edges[e]!, agg);
        }
        for (let a = 0; a < half; a++) for (let c = 0; c < half; c++) link(aggs[a]!, cores[a * half + c]!);
      }
      break;
    }
    case 'rail-optimized': {
      const rails = Math.max(...servers.map((s) => s.gpus.length));
      const perRail = servers.length;
      const uplinks = Math.max(1, Math.round(perRail / topo.oversubscription));
      checkRadix('a rail leaf', perRail + uplinks);
      const railIds: number[] = [];
      for (let r = 0; r < rails; r++) railIds.push(addSwitch(`rail${r}`));
      const spineIds: number[] = [];
      for (let s = 0; s < topo.spines; s++) spineIds.push(addSwitch(`spine${s}`));
      for (const server of servers) server.gpus.forEach((gpu, local) => { link(gpu, railIds[local]!); });
      for (const rail of railIds) for (let u = 0; u < uplinks; u++) link(rail, spineIds[u % topo.spines]!);
      break;
    }
  }

  // NVLink domains: one NVSwitch per server joining its GPUs at NVLink bandwidth.
  for (const server of servers) {
    if (server.nvlinkGbps === undefined || server.gpus.length < 2) continue;
    nodes.push({ name: `${server.name}/nvswitch`, kind: 'nvswitch' });
    const nv = nodes.length - 1;
    for (const gpu of server.gpus) links.push({ a: gpu, b: nv, rateGbps: server.nvlinkGbps, propagationDelayNs: 5, up: true });
  }

  applyFaults(spec, nodes, links);
  return {
    nodes,
    links,
    gpus,
    switchSpec,
    nvswitchSpec: nvswitchSpecFrom(switchSpec, servers[0]?.nvlinkLatencyNs ?? 0),
    mtuBytes: spec.mtuBytes,
    linkSpeedGbps,
    propagationDelayNs: prop,
  };
}

function applyFaults(spec: ClusterSpec, nodes: TopoNode[], links: TopoLink[]): void {
  const byName = new Map(nodes.map((n, i) => [n.name, i]));
  spec.faults.forEach((fault, i) => {
    const ends = fault.between.map((name, j) => {
      const id = byName.get(name);
      if (id === undefined) {
        throw badInput('unknown node in a link fault', { field: `faults[${i}].between[${j}]`, value: name, expected: 'a node name such as leaf0, spine1, srv0/nic0' });
      }
      return id;
    });
    const [a, b] = ends as [number, number];
    const matching = links.filter((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
    if (matching.length === 0) {
      throw badInput('no link joins these nodes', { field: `faults[${i}].between`, value: fault.between, expected: 'two directly connected nodes' });
    }
    for (const l of matching) {
      if (fault.state === 'down') l.up = false;
      else l.rateGbps = fault.rateGbps ?? l.rateGbps;
    }
  });
}

/** NVSwitch: an ideal lossless crossbar (deep buffer, no ECN), with the NVLink latency. */
function nvswitchSpecFrom(base: SwitchSpec, latencyNs: number): SwitchSpec {
  const spec = structuredClone(base);
  spec.name = 'nvswitch';
  spec.description = 'NVLink domain modelled as a high-bandwidth switch';
  spec.portToPortLatencyNs = latencyNs;
  spec.buffer.sharedBytes = 1e12;
  spec.loadBalancing.mode = 'ECMP';
  for (const c of spec.classes) c.ecn.enabled = false;
  return spec;
}
