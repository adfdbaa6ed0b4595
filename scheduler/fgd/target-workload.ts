import type { PodSpec } from '../workload/pod.js';
import { CompiledWorkload } from './compiled-workload.js';

/** One kind of task in the target workload, with its share of arrivals. */
export interface TaskClass {
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  readonly gpuCount: number;
  readonly gpuMilli: number;
  /** Required GPU model; undefined accepts any. */
  readonly gpuType: string | undefined;
  /** Probability that an arriving task is of this class; the classes of a workload sum to 1. */
  readonly popularity: number;
}

/**
 * The target workload M of the FGD paper: the distribution of task resource demands the
 * cluster expects, against which fragmentation is measured. Built from observed pods
 * (`fromPods`: classes are distinct (CPU, memory, GPU count, GPU milli, GPU type) tuples,
 * popularity is their frequency) or given explicitly.
 *
 * @example
 * const m = new TargetWorkload([
 *   { cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 500, gpuType: undefined, popularity: 3 },
 *   { cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 1000, gpuType: undefined, popularity: 1 },
 * ]); // popularities normalised to 0.75 and 0.25
 */
export class TargetWorkload {
  readonly #classes: readonly TaskClass[];
  readonly #compiled: CompiledWorkload;

  /** @throws RangeError for no classes, or a popularity that is negative, not finite, or sums to 0. */
  constructor(classes: readonly TaskClass[]) {
    if (classes.length === 0) throw new RangeError('a target workload needs at least one task class, got 0');
    let total = 0;
    for (const c of classes) {
      if (!Number.isFinite(c.popularity) || c.popularity < 0) {
        throw new RangeError(`task class popularity must be finite and >= 0, got ${c.popularity}`);
      }
      total += c.popularity;
    }
    if (total <= 0) throw new RangeError(`task class popularities must sum to more than 0, got ${total}`);
    this.#classes = classes.map((c) => ({ ...c, popularity: c.popularity / total }));
    this.#compiled = new CompiledWorkload(this.#classes);
  }

  /** Classes and frequencies of the given pods. */
  static fromPods(pods: Iterable<PodSpec>): TargetWorkload {
    const counts = new Map<string, TaskClass>();
    for (const pod of pods) {
      const key = classKey(pod);
      const seen = counts.get(key);
      counts.set(key, {
        cpuMilli: pod.cpuMilli,
        memoryMiB: pod.memoryMiB,
        gpuCount: pod.gpuCount,
        gpuMilli: pod.gpuMilli,
        gpuType: pod.gpuType,
        popularity: (seen?.popularity ?? 0) + 1,
      });
    }
    return new TargetWorkload([...counts.values()]);
  }

  get classes(): readonly TaskClass[] {
    return this.#classes;
  }

  /** The same classes laid out for `nodeFragmentation`'s hot loop. */
  get compiled(): CompiledWorkload {
    return this.#compiled;
  }
}

/** Identity of a task's demand, shared by pods and task classes. */
export function classKey(task: Pick<TaskClass, 'cpuMilli' | 'memoryMiB' | 'gpuCount' | 'gpuMilli' | 'gpuType'>): string {
  return `${task.cpuMilli}/${task.memoryMiB}/${task.gpuCount}x${task.gpuMilli}/${task.gpuType ?? '*'}`;
}
