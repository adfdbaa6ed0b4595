import type { Topology } from '../../../../fabric-sim/cluster/topology.js';
import type { LinkView } from '../../model/snapshot.js';

/** What a port (one direction of a link) is, for the fabric view. */
export interface LinkInfo {
  port: number;
  name: string;
  tier: LinkView['tier'];
  rateGbps: number;
}

/** The parts of a packet network the catalog reads. */
export interface PortTable {
  readonly portCount: number;
  readonly portOwner: ArrayLike<number>;
  readonly portPeer: ArrayLike<number>;
  /** Line rate, bytes per ns. */
  readonly portRate: ArrayLike<number>;
  readonly portName: readonly string[];
}

/**
 * Every port of the network with its tier: NIC links are `host-leaf` (the first switch a host
 * reaches: a leaf, a fat tree's edge or a rail switch), NVSwitch links `nvlink`, links touching a
 * fat tree's core switches `spine-core`, and the other switch-to-switch links `leaf-spine`.
 */
export function catalogLinks(topology: Topology, ports: PortTable): LinkInfo[] {
  const links: LinkInfo[] = [];
  for (let port = 0; port < ports.portCount; port++) {
    const a = topology.nodes[ports.portOwner[port]!]!;
    const peerPort = ports.portPeer[port]!;
    if (peerPort < 0) continue;
    const b = topology.nodes[ports.portOwner[peerPort]!]!;
    let tier: LinkView['tier'];
    if (a.kind === 'nvswitch' || b.kind === 'nvswitch') tier = 'nvlink';
    else if (a.kind === 'nic' || b.kind === 'nic') tier = 'host-leaf';
    else if (a.name.startsWith('core') || b.name.startsWith('core')) tier = 'spine-core';
    else tier = 'leaf-spine';
    links.push({ port, name: ports.portName[port] ?? `${a.name}->${b.name}`, tier, rateGbps: ports.portRate[port]! * 8 });
  }
  return links;
}
