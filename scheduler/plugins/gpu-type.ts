import type { CycleContext, FilterPlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';
import type { PodSpec } from '../workload/pod.js';

const NO_GPU = Status.unresolvable('node(s) have no GPU');
const MISMATCH = Status.unresolvable('GPU type mismatch');

/**
 * Filter: a GPU pod needs a node with GPUs, and of its `gpuType` when it names one. Both
 * failures are unresolvable: preemption cannot change a node's hardware.
 */
export class GpuType implements FilterPlugin {
  readonly name = 'GpuType';
  readonly stateOnly = true;
  readonly specOnly = true;
  filter(ctx: CycleContext, pod: PodSpec, node: number): Status {
    if (pod.gpuCount === 0) return Status.SUCCESS;
    const spec = ctx.cluster.node(node);
    if (spec.gpuCount === 0) return NO_GPU;
    if (pod.gpuType !== undefined && pod.gpuType !== spec.gpuType) return MISMATCH;
    return Status.SUCCESS;
  }
}
