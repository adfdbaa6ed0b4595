import { GPU_MILLI } from '../cluster/gpu-pick.js';
import type { TaskClass } from './target-workload.js';

/**
 * A target workload laid out for the hot loop of `nodeFragmentation`: struct-of-arrays over the
 * GPU task classes, each pointing at its per-GPU demand in `demands` (distinct values,
 * ascending), so one pass over a node's sorted GPUs serves every class with that demand.
 * CPU-only classes are folded into `cpuOnlyPopularity`: they see every free GPU share as a
 * fragment whatever the node's state.
 */
export class CompiledWorkload {
  /** Distinct per-GPU demands min(gpuMilli, 1000), ascending. */
  readonly demands: Int32Array;
  readonly demandIndex: Int32Array;
  readonly gpuCount: Int32Array;
  readonly cpuMilli: Float64Array;
  readonly memoryMiB: Float64Array;
  /** Index into `gpuTypes`, or -1 for any model. */
  readonly gpuType: Int32Array;
  readonly gpuTypes: readonly string[];
  readonly popularity: Float64Array;
  readonly cpuOnlyPopularity: number;

  constructor(classes: readonly TaskClass[]) {
    const gpuClasses = classes.filter((c) => c.gpuCount > 0);
    const demands = [...new Set(gpuClasses.map((c) => Math.min(c.gpuMilli, GPU_MILLI)))].sort((a, b) => a - b);
    const types = [...new Set(gpuClasses.flatMap((c) => (c.gpuType === undefined ? [] : [c.gpuType])))];
    const n = gpuClasses.length;
    this.demands = Int32Array.from(demands);
    this.demandIndex = new Int32Array(n);
    this.gpuCount = new Int32Array(n);
    this.cpuMilli = new Float64Array(n);
    this.memoryMiB = new Float64Array(n);
    this.gpuType = new Int32Array(n);
    this.popularity = new Float64Array(n);
    this.gpuTypes = types;
    gpuClasses.forEach((c, k) => {
      this.demandIndex[k] = demands.indexOf(Math.min(c.gpuMilli, GPU_MILLI));
      this.gpuCount[k] = c.gpuCount;
      this.cpuMilli[k] = c.cpuMilli;
      this.memoryMiB[k] = c.memoryMiB;
      this.gpuType[k] = c.gpuType === undefined ? -1 : types.indexOf(c.gpuType);
      this.popularity[k] = c.popularity;
    });
    this.cpuOnlyPopularity = classes.filter((c) => c.gpuCount === 0).reduce((s, c) => s + c.popularity, 0);
  }
}
