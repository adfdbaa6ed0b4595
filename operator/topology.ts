import { nodeSpec, MAX_GPUS_PER_NODE, type NodeSpec, type Taint } from '../scheduler/index.js';
import type { NodeObject } from './kube/objects.js';
import { cpuMilli, memoryMiB, wholeCount } from './quantity.js';

/** Which node labels and resources describe GPUs and the fabric. Every key is configurable. */
export interface TopologyKeys {
  /** Leaf (top-of-rack) switch. Default `weft.dev/leaf`. */
  leaf: string;
  /** Rail group. Default `weft.dev/rail`. */
  rail: string;
  /** NVLink domain. Default `weft.dev/nvlink-domain`. */
  nvlinkDomain: string;
  /** Spine group (pod / plane). Default `weft.dev/spine-group`. */
  spineGroup: string;
  /** GPU model, matched against a CR's `gpuType`. Default `weft.dev/gpu-type`, then NVIDIA GPU feature discovery's `nvidia.com/gpu.product`. */
  gpuType: readonly string[];
  /** Extended resource counting GPUs. Default `nvidia.com/gpu`. */
  gpuResource: string;
}

export const DEFAULT_TOPOLOGY_KEYS: TopologyKeys = {
  leaf: 'weft.dev/leaf',
  rail: 'weft.dev/rail',
  nvlinkDomain: 'weft.dev/nvlink-domain',
  spineGroup: 'weft.dev/spine-group',
  gpuType: ['weft.dev/gpu-type', 'nvidia.com/gpu.product'],
  gpuResource: 'nvidia.com/gpu',
};

/** The scheduler's view of the cluster's Nodes, and the nodes left out with the reason. */
export interface NodeView {
  nodes: NodeSpec[];
  skipped: { node: string; reason: string }[];
}

/**
 * Nodes as the scheduler's `NodeSpec`s. Topology label values become small integer ids per
 * key, numbered in sorted order of the values so that the same labels give the same ids
 * whatever order the Nodes arrive in; a node without a label gets its own id (it shares a
 * domain with nobody). A NotReady node is cordoned (no new pods); a node whose capacity does
 * not parse is skipped and reported.
 *
 * @example
 * const { nodes } = nodeView(nodeInformer.list());
 */
export function nodeView(objects: readonly NodeObject[], keys: TopologyKeys = DEFAULT_TOPOLOGY_KEYS): NodeView {
  const sorted = [...objects].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const ids = {
    leaf: labelIds(sorted, keys.leaf),
    rail: labelIds(sorted, keys.rail),
    nvlinkDomain: labelIds(sorted, keys.nvlinkDomain),
    spineGroup: labelIds(sorted, keys.spineGroup),
  };
  const view: NodeView = { nodes: [], skipped: [] };
  sorted.forEach((node, index) => {
    const name = node.metadata.name;
    const labels = node.metadata.labels ?? {};
    const allocatable = node.status?.allocatable ?? node.status?.capacity ?? {};
    try {
      const gpuCount = wholeCount(allocatable[keys.gpuResource], `node ${name}: allocatable.${keys.gpuResource}`);
      if (gpuCount > MAX_GPUS_PER_NODE) throw new RangeError(`node ${name}: ${gpuCount} GPUs, more than ${MAX_GPUS_PER_NODE}`);
      const gpuType = keys.gpuType.map((k) => labels[k]).find((v) => v !== undefined && v !== '') ?? (gpuCount > 0 ? 'unknown' : '');
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      view.nodes.push(
        nodeSpec({
          name,
          gpuType,
          gpuCount,
          cpuMilli: cpuMilli(allocatable.cpu, `node ${name}: allocatable.cpu`),
          memoryMiB: memoryMiB(allocatable.memory, `node ${name}: allocatable.memory`, 'floor'),
          leaf: ids.leaf.of(labels, index),
          rail: ids.rail.of(labels, index),
          nvlinkDomain: ids.nvlinkDomain.of(labels, index),
          spineGroup: ids.spineGroup.of(labels, index),
          labels,
          taints: (node.spec?.taints ?? []).filter(isTaint).map((t) => ({ key: t.key, value: t.value ?? '', effect: t.effect })),
          cordoned: node.spec?.unschedulable === true || (ready !== undefined && ready.status !== 'True'),
        }),
      );
    } catch (error) {
      view.skipped.push({ node: name, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return view;
}

function isTaint(t: { key: string; value?: string; effect: string }): t is { key: string; value?: string; effect: Taint['effect'] } {
  return t.effect === 'NoSchedule' || t.effect === 'PreferNoSchedule' || t.effect === 'NoExecute';
}

/** Ids for the values of one label: labelled nodes by sorted value, unlabelled ones after, one id each. */
function labelIds(nodes: readonly NodeObject[], key: string): { of: (labels: Record<string, string>, index: number) => number } {
  const values = [...new Set(nodes.map((n) => n.metadata.labels?.[key]).filter((v): v is string => v !== undefined))].sort();
  const id = new Map(values.map((v, i) => [v, i]));
  return { of: (labels, index) => id.get(labels[key] ?? '\0') ?? values.length + index };
}
