import { type ClusterQueueSpec, type ResolvedQuota, resolveQuotas } from './cluster-queue.js';

/** A workload's demand as quota sees it: `pods` pods of `gpuMilliPerPod`, on `gpuType` or any flavor. */
export interface QuotaRequest {
  readonly workload: string;
  readonly queue: string;
  readonly gpuType: string | undefined;
  readonly gpuMilliPerPod: number;
  /** Admit at least this many pods or none (gang minimum; equals `maxPods` for rigid workloads). */
  readonly minPods: number;
  readonly maxPods: number;
}

export type QuotaDecision =
  | { readonly admitted: true; readonly flavor: string; readonly pods: number; readonly borrowedMilli: number }
  | { readonly admitted: false; readonly reason: string };

interface Admitted {
  readonly queue: string;
  readonly flavor: string;
  readonly milli: number;
}

/**
 * Quota accounting in the manner of Kueue. Each cluster queue has a nominal quota per flavor
 * (GPU model); queues in a cohort pool what they lend. For flavor f, with usage U, nominal N,
 * lending limit L and guaranteed part G = N - L of each queue c in the cohort:
 *
 * - a queue never uses more than N + borrowingLimit;
 * - the cohort pool holds sum_c L_c, and the queues' draws on it, sum_c max(0, U_c - G_c),
 *   never exceed it. A queue without a cohort is limited to N.
 *
 * Admission is all-or-nothing for `minPods` (gangs) and elastic up to `maxPods`: the largest
 * count that fits is admitted. Flavors are tried in the queue's order.
 *
 * @example
 * const quota = new QuotaManager([
 *   { name: 'serving', cohort: 'org', quotas: { H100: { nominal: 64, lendingLimit: 16 } } },
 *   { name: 'research', cohort: 'org', quotas: { H100: { nominal: 32, borrowingLimit: 16 } } },
 * ]);
 * quota.admit({ workload: 'ft', queue: 'research', gpuType: undefined, gpuMilliPerPod: 8000, minPods: 2, maxPods: 6 });
 */
export class QuotaManager {
  readonly #quotas = new Map<string, Map<string, ResolvedQuota>>();
  readonly #cohortOf = new Map<string, string | undefined>();
  readonly #members = new Map<string, string[]>();
  readonly #usage = new Map<string, Map<string, number>>();
  readonly #admitted = new Map<string, Admitted>();

  /** @throws RangeError for a duplicate queue name or a bad quota. */
  constructor(specs: readonly ClusterQueueSpec[]) {
    for (const spec of specs) {
      if (this.#quotas.has(spec.name)) throw new RangeError(`duplicate cluster queue name ${JSON.stringify(spec.name)}`);
      this.#quotas.set(spec.name, resolveQuotas(spec));
      this.#cohortOf.set(spec.name, spec.cohort);
      this.#usage.set(spec.name, new Map());
      if (spec.cohort !== undefined) this.#members.set(spec.cohort, [...(this.#members.get(spec.cohort) ?? []), spec.name]);
    }
  }

  /** Milli-GPUs of `flavor` admitted through `queue`. */
  usage(queue: string, flavor: string): number {
    return this.#usage.get(queue)?.get(flavor) ?? 0;
  }

  /**
   * Dominant resource share of a queue: the largest, over flavors, of usage / nominal
   * (usage over a zero nominal counts as 1 per GPU). Fair sharing admits the lowest first.
   */
  dominantShare(queue: string): number {
    let share = 0;
    for (const [flavor, q] of this.#quotas.get(queue) ?? []) {
      const u = this.usage(queue, flavor);
      share = Math.max(share, q.nominal > 0 ? u / q.nominal : u / 1000);
    }
    return share;
  }

  /** Admits the request if quota allows (and records it), or says why not. */
  admit(request: QuotaRequest): QuotaDecision {
    const quotas = this.#quotas.get(request.queue);
    if (quotas === undefined) return { admitted: false, reason: `cluster queue ${request.queue} does not exist` };
    if (this.#admitted.has(request.workload)) throw new RangeError(`workload ${JSON.stringify(request.workload)} is already admitted`);
    const reasons: string[] = [];
    for (const flavor of quotas.keys()) {
      if (request.gpuType !== undefined && request.gpuType !== flavor) continue;
      const room = this.#room(request.queue, flavor);
      const pods = Math.min(request.maxPods, request.gpuMilliPerPod === 0 ? request.maxPods : Math.floor(room / request.gpuMilliPerPod));
      if (pods >= request.minPods) {
        const milli = pods * request.gpuMilliPerPod;
        const borrowed = Math.max(0, this.usage(request.queue, flavor) + milli - quotas.get(flavor)!.nominal) -
          Math.max(0, this.usage(request.queue, flavor) - quotas.get(flavor)!.nominal);
        this.#add(request.queue, flavor, milli);
        this.#admitted.set(request.workload, { queue: request.queue, flavor, milli });
        return { admitted: true, flavor, pods, borrowedMilli: borrowed };
      }
      reasons.push(`${flavor}: ${(room / 1000).toFixed(1)} GPUs of quota left, ${((request.minPods * request.gpuMilliPerPod) / 1000).toFixed(1)} needed`);
    }
    if (reasons.length === 0) return { admitted: false, reason: `cluster queue ${request.queue} has no quota for GPU type ${request.gpuType ?? '(any)'}` };
    return { admitted: false, reason: `insufficient quota in cluster queue ${request.queue} (${reasons.join('; ')})` };
  }

  /** Returns an admitted workload's quota. @throws RangeError for an unknown workload. */
  release(workload: string): void {
    const a = this.#admitted.get(workload);
    if (a === undefined) throw new RangeError(`workload ${JSON.stringify(workload)} is not admitted`);
    this.#add(a.queue, a.flavor, -a.milli);
    this.#admitted.delete(workload);
  }

  /** Milli-GPUs of `flavor` that `queue` can still take, within its own limit and the cohort pool. */
  #room(queue: string, flavor: string): number {
    const q = this.#quotas.get(queue)!.get(flavor)!;
    const used = this.usage(queue, flavor);
    const ownLimit = q.nominal + q.borrowingLimit - used;
    const cohort = this.#cohortOf.get(queue);
    if (cohort === undefined) return Math.max(0, Math.min(ownLimit, q.nominal - used));
    // Pool capacity and current draws on it, over the cohort's queues that have this flavor.
    let pool = 0;
    let drawn = 0;
    for (const member of this.#members.get(cohort)!) {
      const mq = this.#quotas.get(member)!.get(flavor);
      if (mq === undefined) continue;
      pool += mq.lendingLimit;
      drawn += Math.max(0, this.usage(member, flavor) - mq.guaranteed);
    }
    // Adding x to this queue raises its draw from max(0, used - G) to max(0, used + x - G).
    const freeGuaranteed = Math.max(0, q.guaranteed - used);
    const poolRoom = pool - drawn + freeGuaranteed;
    return Math.max(0, Math.min(ownLimit, poolRoom));
  }

  #add(queue: string, flavor: string, milli: number): void {
    const usage = this.#usage.get(queue)!;
    usage.set(flavor, (usage.get(flavor) ?? 0) + milli);
  }
}
