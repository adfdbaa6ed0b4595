import { badInput } from '../../core/errors.js';
import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { buildTopology } from '../../fabric-sim/cluster/topology.js';
import { catalogGpuFor, getGpu, type GpuSpec } from '../../gpu-model/index.js';
import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { nodesFromClusterSpec } from '../../scheduler/index.js';
import type { ReplayFabric } from './job-runtime.js';

/** A fabric-sim cluster as the job replay uses it: scheduler nodes, their GPUs, the fabric. */
export interface ReplayCluster {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  /** Catalog GPU of each node, by node index. */
  readonly gpuOfNode: readonly GpuSpec[];
  readonly fabric: ReplayFabric;
  /** The largest server, GPUs: jobs are split into pods of at most this many GPUs. */
  readonly gpusPerServer: number;
  readonly totalGpus: number;
}

/**
 * Builds the replay's view of a cluster spec: one scheduler node per server (positions from the
 * built topology), the catalog GPU of each, and the fabric figures the collective model needs
 * (NIC speed, leaf oversubscription: leaf-spine and rail-optimized specs carry one, fat-trees
 * and single switches are non-blocking).
 * @throws WeftError for a GPU type the catalog does not know.
 */
export function replayCluster(spec: ClusterSpec): ReplayCluster {
  const topology = buildTopology(spec);
  const nodes = nodesFromClusterSpec(spec, {}, topology);
  const byType = new Map<string, GpuSpec>();
  const gpuOf = (type: string): GpuSpec => {
    let gpu = byType.get(type);
    if (gpu === undefined) {
      const key = catalogGpuFor(type);
      if (key === undefined) throw badInput(`unknown GPU type "${type}" in the cluster`, { field: 'servers[].gpuType', value: type, expected: 'a gpu-model catalog name or a prefix of one (h100, a100, b200, ...)' });
      gpu = getGpu(key);
      byType.set(type, gpu);
    }
    return gpu;
  };
  const t = spec.topology;
  const oversubscription = t.kind === 'leaf-spine' || t.kind === 'rail-optimized' ? t.oversubscription : 1;
  return {
    name: spec.name,
    nodes,
    gpuOfNode: nodes.map((n) => gpuOf(n.gpuType)),
    fabric: { nicGbps: topology.linkSpeedGbps, oversubscription },
    gpusPerServer: Math.max(...nodes.map((n) => n.gpuCount)),
    totalGpus: nodes.reduce((s, n) => s + n.gpuCount, 0),
  };
}
