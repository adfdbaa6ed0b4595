import { gpuNames } from '../../gpu-model/index.js';

/**
 * The GPU catalog key a node's GPU label names: the key itself (`h100-sxm`), or the one key
 * whose first word matches the label's (`h100`, and NVIDIA GPU feature discovery's
 * `NVIDIA-H100-80GB-HBM3` after its vendor prefix). Undefined when no key or several match:
 * the planner then leaves those nodes out rather than guess their speed.
 *
 * @example
 * catalogGpu('NVIDIA-H100-80GB-HBM3'); // 'h100-sxm'
 */
export function catalogGpu(label: string): string | undefined {
  const names = gpuNames();
  const type = label.trim().toLowerCase().replace(/^nvidia[-_ ]/, '');
  if (names.includes(type)) return type;
  const word = type.split(/[-_ ]/)[0] ?? '';
  const matches = names.filter((name) => name.split('-')[0] === word);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The cluster's GPUs by catalog key: the node label values that name each key, and the most GPUs on one node. */
export interface ClusterGpus {
  byKey: Map<string, { labels: string[]; maxGpusPerNode: number }>;
  /** Label values no catalog key matches. */
  unknown: string[];
}

/** Groups GPU nodes (`gpuType` label value, GPU count) by catalog key. Labels sorted, for deterministic choices. */
export function clusterGpus(nodes: readonly { gpuType: string; gpuCount: number }[]): ClusterGpus {
  const byKey = new Map<string, { labels: string[]; maxGpusPerNode: number }>();
  const unknown = new Set<string>();
  for (const node of nodes) {
    if (node.gpuCount === 0) continue;
    const key = catalogGpu(node.gpuType);
    if (key === undefined) {
      unknown.add(node.gpuType);
      continue;
    }
    const entry = byKey.get(key) ?? { labels: [], maxGpusPerNode: 0 };
    if (!entry.labels.includes(node.gpuType)) entry.labels.push(node.gpuType);
    entry.maxGpusPerNode = Math.max(entry.maxGpusPerNode, node.gpuCount);
    byKey.set(key, entry);
  }
  for (const entry of byKey.values()) entry.labels.sort();
  return { byKey: new Map([...byKey].sort(([a], [b]) => a.localeCompare(b))), unknown: [...unknown].sort() };
}
