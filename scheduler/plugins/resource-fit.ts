import type { CycleContext, FilterPlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

const CPU = Status.unschedulable('Insufficient cpu');
const MEMORY = Status.unschedulable('Insufficient memory');
const GPU = Status.unschedulable('Insufficient GPU');

/**
 * Filter: free CPU, memory and GPUs cover the pod. Whole-GPU pods need `gpuCount` idle GPUs;
 * a fractional pod needs one GPU with at least `gpuMilli` free. O(1) per node: it reads the
 * per-node GPU summaries `ClusterState` maintains. GPU model is `GpuType`'s business.
 */
export class ResourceFit implements FilterPlugin {
  readonly name = 'ResourceFit';
  readonly stateOnly = true;
  filter(ctx: CycleContext, pod: PodSpec, node: number): Status {
    const cluster = ctx.cluster;
    if (cluster.freeCpu(node) < pod.cpuMilli) return CPU;
    if (cluster.freeMemory(node) < pod.memoryMiB) return MEMORY;
    if (!cluster.gpusFit(pod, node)) return GPU;
    return Status.SUCCESS;
  }

  filterNodes(ctx: CycleContext, pod: PodSpec, nodes: Int32Array, count: number, statuses: Status[]): number {
    const cluster = ctx.cluster;
    const cpu = pod.cpuMilli;
    const memory = pod.memoryMiB;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      if (cluster.freeCpu(node) < cpu) statuses[node] = CPU;
      else if (cluster.freeMemory(node) < memory) statuses[node] = MEMORY;
      else if (!cluster.gpusFit(pod, node)) statuses[node] = GPU;
      else nodes[kept++] = node;
    }
    return kept;
  }
}
