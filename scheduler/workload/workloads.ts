import type { GangSpec } from '../framework/gangs.js';
import { podSpec, type PodSpec, type Toleration } from './pod.js';

/** What every replica or worker asks for. */
export interface PodTemplate {
  readonly gpus: number;
  /** Per-GPU share for single-GPU pods (GPU sharing); 1000 by default. */
  readonly gpuMilli?: number;
  readonly gpuType?: string;
  readonly cpuMilli?: number;
  readonly memoryMiB?: number;
  readonly tolerations?: readonly Toleration[];
}

/** Serving: `replicas` independent pods, each one replica on one node. Not preemptible by default. */
export interface InferenceDeployment {
  readonly kind: 'deployment';
  readonly name: string;
  readonly replicas: number;
  readonly template: PodTemplate;
  readonly priority?: number;
  readonly queue?: string;
  readonly preemptible?: boolean;
}

/**
 * Fine-tuning: a gang of workers, elastic between `minWorkers` and `maxWorkers`. The gang binds
 * at least `minWorkers` or nothing; extra workers join when they fit.
 */
export interface FineTuningJob {
  readonly kind: 'finetune';
  readonly name: string;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  readonly template: PodTemplate;
  readonly priority?: number;
  readonly queue?: string;
  /** How long placed workers wait at permit for the rest of the gang (default 60 s). */
  readonly gangTimeoutNs?: number;
}

export type Workload = InferenceDeployment | FineTuningJob;

export interface ExpandedWorkload {
  readonly pods: PodSpec[];
  readonly gang: { readonly spec: GangSpec; readonly members: readonly string[] } | undefined;
}

/**
 * The pods of a workload (named `<workload>-<i>`) and, for fine-tuning jobs, their gang.
 * `workers` picks how many workers of an elastic job to create (default `maxWorkers`), for
 * example what quota admitted.
 *
 * @example
 * const { pods, gang } = expandWorkload({ kind: 'finetune', name: 'ft', minWorkers: 2, maxWorkers: 4, template: { gpus: 8 } });
 * @throws RangeError quoting a bad count.
 */
export function expandWorkload(workload: Workload, workers?: number): ExpandedWorkload {
  const count = workload.kind === 'deployment' ? workload.replicas : (workers ?? workload.maxWorkers);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`workload ${workload.name}: pod count must be an integer >= 1, got ${count}`);
  if (workload.kind === 'finetune') {
    const { minWorkers, maxWorkers } = workload;
    if (!Number.isInteger(minWorkers) || minWorkers < 1 || !Number.isInteger(maxWorkers) || maxWorkers < minWorkers) {
      throw new RangeError(`job ${workload.name}: need 1 <= minWorkers <= maxWorkers, got ${minWorkers} and ${maxWorkers}`);
    }
    if (count < minWorkers || count > maxWorkers) throw new RangeError(`job ${workload.name}: workers must be in [${minWorkers}, ${maxWorkers}], got ${count}`);
  }
  const t = workload.template;
  const gang = workload.kind === 'finetune' ? workload.name : undefined;
  const pods = Array.from({ length: count }, (_, i) =>
    podSpec({
      name: `${workload.name}-${i}`,
      gpuCount: t.gpus,
      gpuMilli: t.gpus === 0 ? 0 : (t.gpuMilli ?? 1000),
      gpuType: t.gpuType,
      cpuMilli: t.cpuMilli ?? 0,
      memoryMiB: t.memoryMiB ?? 0,
      tolerations: t.tolerations ?? [],
      priority: workload.priority ?? 0,
      queue: workload.queue,
      gang,
      preemptible: workload.kind === 'deployment' ? (workload.preemptible ?? false) : true,
    }),
  );
  return {
    pods,
    gang:
      workload.kind === 'finetune'
        ? { spec: { name: workload.name, minMember: workload.minWorkers, timeoutNs: workload.gangTimeoutNs ?? 60e9 }, members: pods.map((p) => p.name) }
        : undefined,
  };
}
