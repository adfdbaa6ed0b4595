import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { buildTopology, type Topology } from '../../fabric-sim/cluster/topology.js';
import { type NodeSpec, nodeSpec } from './node-spec.js';

/** Node resources a ClusterSpec does not describe. */
export interface NodeResourceOptions {
  /** Allocatable CPU per GPU, millicores. Default 12,000 (an 8-GPU HGX server with ~96 allocatable cores). */
  readonly cpuMilliPerGpu?: number;
  /** Allocatable memory per GPU, MiB. Default 131,072 (1 TiB per 8-GPU server). */
  readonly memoryMiBPerGpu?: number;
}

/**
 * The scheduler's nodes for a fabric-sim cluster: one node per server, named after the server
 * (`srv3`), with its position in the fabric read from the built topology, so placements and the
 * network agree on GPU ids:
 * - `leaf`: the switch the server's first NIC attaches to (leaf, fat-tree edge, or the single
 *   switch), numbered in order of first use; on a rail-optimized fabric every server reaches
 *   every rail switch, so all servers share leaf 0;
 * - `spineGroup`: the fat-tree pod (`podN-edgeM`), 0 elsewhere;
 * - `rail`: 0 (one rail group per rail-optimized fabric);
 * - `nvlinkDomain`: the server (NVLink does not cross servers in a ClusterSpec).
 * Labels carry the same positions under the keys the operator reads from real nodes
 * (`weft.dev/leaf`, `weft.dev/rail`, `weft.dev/nvlink-domain`, `weft.dev/gpu-type`).
 *
 * @example
 * const nodes = nodesFromClusterSpec(DEFAULT_CLUSTER); // 4 nodes srv0..srv3, 8 h100 each, leaf 0
 */
export function nodesFromClusterSpec(spec: ClusterSpec, options: NodeResourceOptions = {}, topology: Topology = buildTopology(spec)): NodeSpec[] {
  const cpuPerGpu = options.cpuMilliPerGpu ?? 12_000;
  const memoryPerGpu = options.memoryMiBPerGpu ?? 131_072;
  const attachedSwitch = new Map<number, number>();
  for (const link of topology.links) {
    const aIsNic = topology.nodes[link.a]?.kind === 'nic';
    const bIsNic = topology.nodes[link.b]?.kind === 'nic';
    if (aIsNic && topology.nodes[link.b]?.kind === 'switch') attachedSwitch.set(link.a, link.b);
    if (bIsNic && topology.nodes[link.a]?.kind === 'switch') attachedSwitch.set(link.b, link.a);
  }
  const railOptimized = spec.topology.kind === 'rail-optimized';
  const leafIds = new Map<number, number>();
  const servers = new Map<string, { gpus: number; gpuType: string; firstNic: number }>();
  for (const gpu of topology.gpus) {
    const server = servers.get(gpu.server);
    if (server === undefined) servers.set(gpu.server, { gpus: 1, gpuType: gpu.gpuType, firstNic: gpu.node });
    else server.gpus++;
  }
  const nodes: NodeSpec[] = [];
  let domain = 0;
  for (const [name, server] of servers) {
    const switchNode = attachedSwitch.get(server.firstNic);
    const switchName = switchNode === undefined ? '' : (topology.nodes[switchNode]?.name ?? '');
    let leaf = 0;
    if (!railOptimized && switchNode !== undefined) {
      if (!leafIds.has(switchNode)) leafIds.set(switchNode, leafIds.size);
      leaf = leafIds.get(switchNode)!;
    }
    const pod = /^pod(\d+)-/.exec(switchName);
    const spineGroup = pod === null ? 0 : Number(pod[1]);
    nodes.push(
      nodeSpec({
        name,
        gpuType: server.gpuType,
        gpuCount: server.gpus,
        cpuMilli: server.gpus * cpuPerGpu,
        memoryMiB: server.gpus * memoryPerGpu,
        nvlinkDomain: domain,
        leaf,
        rail: 0,
        spineGroup,
        labels: {
          'weft.dev/gpu-type': server.gpuType,
          'weft.dev/leaf': railOptimized ? 'rails' : switchName,
          'weft.dev/rail': '0',
          'weft.dev/nvlink-domain': name,
        },
      }),
    );
    domain++;
  }
  return nodes;
}
