/** Quota of one resource flavor (a GPU model) in a cluster queue, in GPUs (fractions allowed). */
export interface FlavorQuota {
  /** Guaranteed to the queue; unused, it can be lent to the cohort. */
  readonly nominal: number;
  /** At most this much above `nominal` may be borrowed from the cohort. Default: unlimited (0 without a cohort). */
  readonly borrowingLimit?: number;
  /** At most this much of `nominal` may be lent to the cohort. Default: all of it. */
  readonly lendingLimit?: number;
}

/** A Kueue-style cluster queue: per-GPU-model quotas, optionally sharing them in a cohort. */
export interface ClusterQueueSpec {
  readonly name: string;
  readonly cohort?: string;
  /** Flavors in order of preference: an admitted workload takes the first one with room. */
  readonly quotas: Readonly<Record<string, FlavorQuota>>;
}

/** Milli-GPU quota figures of one (queue, flavor), validated. */
export interface ResolvedQuota {
  readonly nominal: number;
  readonly borrowingLimit: number;
  readonly lendingLimit: number;
  /** Part of nominal only this queue may use: nominal - lendingLimit. */
  readonly guaranteed: number;
}

/**
 * Validates a spec and converts its quotas to milli-GPUs.
 * @throws RangeError quoting the bad value.
 */
export function resolveQuotas(spec: ClusterQueueSpec): Map<string, ResolvedQuota> {
  if (spec.name === '') throw new RangeError('cluster queue name must not be empty');
  const out = new Map<string, ResolvedQuota>();
  for (const [flavor, q] of Object.entries(spec.quotas)) {
    const where = `cluster queue ${spec.name}, flavor ${flavor}`;
    const check = (field: string, value: number): number => {
      if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${where}: ${field} must be a finite number >= 0, got ${value}`);
      return Math.round(value * 1000);
    };
    const nominal = check('nominal', q.nominal);
    const borrowingLimit = q.borrowingLimit === undefined ? (spec.cohort === undefined ? 0 : Infinity) : check('borrowingLimit', q.borrowingLimit);
    const lendingLimit = q.lendingLimit === undefined ? nominal : check('lendingLimit', q.lendingLimit);
    if (lendingLimit > nominal) throw new RangeError(`${where}: lendingLimit must not exceed nominal ${q.nominal}, got ${q.lendingLimit}`);
    out.set(flavor, { nominal, borrowingLimit, lendingLimit, guaranteed: nominal - lendingLimit });
  }
  if (out.size === 0) throw new RangeError(`cluster queue ${spec.name} needs at least one flavor quota, got none`);
  return out;
}
