/**
 * A pod: the unit the scheduling cycle places on one node. Workloads (inference deployments,
 * fine-tuning jobs) expand into pods; see `workloads.ts`.
 *
 * GPU demand follows the Alibaba openb convention: `gpuCount` GPUs of `gpuMilli` thousandths
 * each. Whole GPUs have `gpuMilli = 1000`; a fractional pod (GPU sharing) asks for one GPU with
 * `0 < gpuMilli < 1000`; a CPU-only pod has both 0. Fractions of several GPUs are not a thing.
 */

/** Tolerates taints with this key (and value, for `Equal`) and effect (any effect when omitted). */
export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** One label requirement, as in Kubernetes `matchExpressions`. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

/** Required terms are ORed, the requirements inside a term ANDed (Kubernetes semantics). */
export interface NodeAffinity {
  readonly required?: readonly (readonly LabelRequirement[])[];
  readonly preferred?: readonly { readonly weight: number; readonly term: readonly LabelRequirement[] }[];
}

export interface PodSpec {
  /** Unique among live pods. */
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  readonly gpuCount: number;
  /** Thousandths of a GPU per requested GPU: 1000 for whole GPUs. */
  readonly gpuMilli: number;
  /** Required GPU model; undefined accepts any. */
  readonly gpuType: string | undefined;
  /** Higher runs first and may preempt lower. */
  readonly priority: number;
  /** Cluster queue (Kueue style) the pod's workload was admitted through, if any. */
  readonly queue: string | undefined;
  /** Gang (pod group) the pod belongs to; gangs bind all-or-nothing. */
  readonly gang: string | undefined;
  readonly tolerations: readonly Toleration[];
  readonly affinity: NodeAffinity | undefined;
  /** May this pod be preempted at all? (inference replicas serving traffic may not be). */
  readonly preemptible: boolean;
  /** Fine-tuning checkpoint period: work since the last checkpoint is lost on preemption. Undefined: never checkpoints. */
  readonly checkpointIntervalNs: number | undefined;
  /** Time to restart after preemption (reload checkpoint, warm up), counted as lost work. */
  readonly restartCostNs: number;
}

export type PodSpecInput = Pick<PodSpec, 'name'> & Partial<Omit<PodSpec, 'name'>>;

/**
 * A validated `PodSpec` with defaults (no resources, priority 0, no queue, no gang).
 *
 * @example
 * const shared = podSpec({ name: 'p0', cpuMilli: 4000, memoryMiB: 8192, gpuCount: 1, gpuMilli: 460 });
 * const whole = podSpec({ name: 'w0', gpuCount: 8, gpuMilli: 1000, gpuType: 'H100' });
 * @throws RangeError quoting the bad value.
 */
export function podSpec(input: PodSpecInput): PodSpec {
  const gpuCount = input.gpuCount ?? 0;
  const gpuMilli = input.gpuMilli ?? (gpuCount > 0 ? 1000 : 0);
  const pod: PodSpec = {
    name: input.name,
    cpuMilli: input.cpuMilli ?? 0,
    memoryMiB: input.memoryMiB ?? 0,
    gpuCount,
    gpuMilli,
    gpuType: input.gpuType === '' ? undefined : input.gpuType,
    priority: input.priority ?? 0,
    queue: input.queue,
    gang: input.gang,
    tolerations: input.tolerations ?? [],
    affinity: input.affinity,
    preemptible: input.preemptible ?? true,
    checkpointIntervalNs: input.checkpointIntervalNs,
    restartCostNs: input.restartCostNs ?? 0,
  };
  if (pod.name === '') throw new RangeError('pod name must not be empty');
  for (const key of ['cpuMilli', 'memoryMiB', 'gpuCount', 'gpuMilli'] as const) {
    if (!Number.isInteger(pod[key]) || pod[key] < 0 || pod[key] > 2 ** 31 - 1) {
      throw new RangeError(`pod ${pod.name}: ${key} must be a non-negative integer, got ${pod[key]}`);
    }
  }
  if (pod.checkpointIntervalNs !== undefined && !(pod.checkpointIntervalNs > 0)) {
    throw new RangeError(`pod ${pod.name}: checkpointIntervalNs must be > 0, got ${pod.checkpointIntervalNs}`);
  }
  if (!(pod.restartCostNs >= 0)) throw new RangeError(`pod ${pod.name}: restartCostNs must be >= 0, got ${pod.restartCostNs}`);
  if (!Number.isFinite(pod.priority)) throw new RangeError(`pod ${pod.name}: priority must be finite, got ${pod.priority}`);
  if (gpuCount === 0 && gpuMilli !== 0) {
    throw new RangeError(`pod ${pod.name}: gpuMilli must be 0 when gpuCount is 0, got ${gpuMilli}`);
  }
  if (gpuCount > 0 && (gpuMilli < 1 || gpuMilli > 1000)) {
    throw new RangeError(`pod ${pod.name}: gpuMilli must be in [1, 1000], got ${gpuMilli}`);
  }
  if (gpuCount > 1 && gpuMilli !== 1000) {
    throw new RangeError(`pod ${pod.name}: a pod asking for ${gpuCount} GPUs must take whole GPUs (gpuMilli 1000), got ${gpuMilli}`);
  }
  return pod;
}

/** Total GPU demand of a pod in milli-GPUs. */
export function podGpuMilli(pod: Pick<PodSpec, 'gpuCount' | 'gpuMilli'>): number {
  return pod.gpuCount * pod.gpuMilli;
}
