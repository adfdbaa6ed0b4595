import type { ClusterState } from './cluster/cluster-state.js';
import type { Framework, FrameworkOptions } from './framework/framework.js';
import type { GangDirectory } from './framework/gangs.js';
import type { QuotaManager } from './queue/quota-manager.js';
import type { PodSpec } from './workload/pod.js';
import { expandWorkload, type Workload } from './workload/workloads.js';

export type FrameworkCallbacks = Required<Pick<FrameworkOptions, 'onBound' | 'onRejected' | 'onEvicted'>>;

export interface SchedulerOptions {
  /** Builds the framework (from a profile, usually) wired to the scheduler's callbacks. */
  readonly framework: (callbacks: FrameworkCallbacks) => Framework;
  /** The directory the framework's gang plugins read; the scheduler registers gangs in it. */
  readonly gangs: GangDirectory;
  /** Kueue-style admission; without it every workload is admitted at once. */
  readonly quota?: QuotaManager;
}

/** Why a workload or pod is still pending. */
export interface PendingReason {
  readonly name: string;
  readonly reason: string;
}

interface PendingWorkload {
  readonly workload: Workload;
  readonly sequence: number;
}

interface ActivePod {
  readonly pod: PodSpec;
  readonly sequence: number;
  readonly workload: string;
}

/**
 * The control loop around the framework: admission through quota (fair sharing: the queue
 * with the lowest dominant share goes first, then priority, then arrival; a workload that does
 * not fit is skipped, not blocking, as Kueue's BestEffortFIFO), then one scheduling cycle per
 * active pod in queue-sort order. Unschedulable pods stay active and are retried on the next
 * `run`; pods rejected at permit (gang timeout) rejoin the active queue; a preempted workload
 * gives back its quota and is re-queued for admission whole.
 *
 * @example
 * const scheduler = new Scheduler({ gangs, quota, framework: (cb) => buildFramework(profile, services, cb) });
 * scheduler.submit({ kind: 'finetune', name: 'ft', minWorkers: 2, maxWorkers: 4, queue: 'research', template: { gpus: 8 } });
 * scheduler.run(0);
 * for (const p of scheduler.pending()) console.log(p.name, p.reason);
 */
export class Scheduler {
  readonly #framework: Framework;
  readonly #gangs: GangDirectory;
  readonly #quota: QuotaManager | undefined;
  readonly #pendingWorkloads: PendingWorkload[] = [];
  readonly #workloadReason = new Map<string, string>();
  #active: ActivePod[] = [];
  readonly #podReason = new Map<string, string>();
  readonly #podsOf = new Map<string, { workload: Workload; pods: readonly string[] }>();
  readonly #workloadOfPod = new Map<string, string>();
  #sequence = 0;
  /** Pods handed back by callbacks during a run, re-queued after it. */
  #requeue: ActivePod[] = [];
  readonly #evictedWorkloads = new Set<string>();

  constructor(options: SchedulerOptions) {
    this.#gangs = options.gangs;
    this.#quota = options.quota;
    this.#framework = options.framework({
      onBound: (pod) => this.#podReason.delete(pod.name),
      onRejected: (pod, reason) => {
        const workload = this.#workloadOfPod.get(pod.name);
        if (workload === undefined) return;
        this.#podReason.set(pod.name, reason);
        this.#requeue.push({ pod, sequence: this.#sequence++, workload });
      },
      onEvicted: (pod) => {
        const workload = this.#workloadOfPod.get(pod.name);
        if (workload !== undefined) this.#evictedWorkloads.add(workload);
      },
    });
  }

  get cluster(): ClusterState {
    return this.#framework.cluster;
  }

  /** Queues a workload for admission. @throws RangeError for a duplicate name. */
  submit(workload: Workload): void {
    if (this.#podsOf.has(workload.name) || this.#pendingWorkloads.some((p) => p.workload.name === workload.name)) {
      throw new RangeError(`workload ${JSON.stringify(workload.name)} is already submitted`);
    }
    this.#pendingWorkloads.push({ workload, sequence: this.#sequence++ });
  }

  /** Removes a workload (finished or cancelled): frees its pods and quota. */
  finish(name: string): void {
    const index = this.#pendingWorkloads.findIndex((p) => p.workload.name === name);
    if (index >= 0) {
      this.#pendingWorkloads.splice(index, 1);
      this.#workloadReason.delete(name);
      return;
    }
    const entry = this.#podsOf.get(name);
    if (entry === undefined) throw new RangeError(`workload ${JSON.stringify(name)} is not known`);
    this.#dropAdmitted(name);
  }

  /** One round: expire permit waits, admit, then schedule every active pod once. */
  run(nowNs: number): void {
    this.#framework.expireWaiting(nowNs);
    this.#flushRequeue();
    this.#admit();
    const order = [...this.#active].sort((a, b) => (this.#framework.less(a, b) ? -1 : this.#framework.less(b, a) ? 1 : 0));
    const failedGangs = new Set<string>();
    const stillActive: ActivePod[] = [];
    for (const item of order) {
      const { pod } = item;
      if (this.#evictedWorkloads.has(item.workload)) continue;
      if (pod.gang !== undefined && failedGangs.has(pod.gang)) {
        stillActive.push(item);
        continue;
      }
      let result = this.#framework.scheduleOne(pod, nowNs);
      // Preemption made room: retry at once on the freed node.
      if (result.kind === 'unschedulable' && result.nominatedNode !== undefined) result = this.#framework.scheduleOne(pod, nowNs);
      if (result.kind === 'unschedulable') {
        this.#podReason.set(pod.name, result.diagnosis.toString());
        if (pod.gang !== undefined) failedGangs.add(pod.gang);
        stillActive.push(item);
      } else {
        this.#podReason.delete(pod.name);
      }
    }
    this.#active = stillActive;
    this.#requeueEvicted();
    this.#flushRequeue();
  }

  /** Workloads not yet admitted and pods not yet placed, with the reason users see. */
  pending(): PendingReason[] {
    const out: PendingReason[] = [];
    for (const p of this.#pendingWorkloads) out.push({ name: p.workload.name, reason: this.#workloadReason.get(p.workload.name) ?? 'not yet admitted' });
    for (const a of this.#active) out.push({ name: a.pod.name, reason: this.#podReason.get(a.pod.name) ?? 'not yet scheduled' });
    return out;
  }

  #admit(): void {
    const quota = this.#quota;
    const remaining = [...this.#pendingWorkloads];
    this.#pendingWorkloads.length = 0;
    while (remaining.length > 0) {
      // Lowest dominant share first (recomputed after every admission), then priority, then arrival.
      let best = 0;
      for (let i = 1; i < remaining.length; i++) if (this.#admitsBefore(remaining[i]!, remaining[best]!)) best = i;
      const { workload, sequence } = remaining.splice(best, 1)[0]!;
      let pods: number = workload.kind === 'deployment' ? workload.replicas : workload.maxWorkers;
      let gpuType = workload.template.gpuType;
      if (quota !== undefined) {
        if (workload.queue === undefined) {
          this.#workloadReason.set(workload.name, 'no queue named');
          this.#pendingWorkloads.push({ workload, sequence });
          continue;
        }
        const t = workload.template;
        const decision = quota.admit({
          workload: workload.name,
          queue: workload.queue,
          gpuType,
          gpuMilliPerPod: t.gpus === 0 ? 0 : t.gpus * (t.gpuMilli ?? 1000),
          minPods: workload.kind === 'deployment' ? workload.replicas : workload.minWorkers,
          maxPods: pods,
        });
        if (!decision.admitted) {
          this.#workloadReason.set(workload.name, decision.reason);
          this.#pendingWorkloads.push({ workload, sequence });
          continue;
        }
        pods = decision.pods;
        gpuType = t.gpus === 0 ? undefined : decision.flavor;
      }
      this.#workloadReason.delete(workload.name);
      const admitted: Workload = { ...workload, template: { ...workload.template, ...(gpuType === undefined ? {} : { gpuType }) } };
      const expanded = expandWorkload(admitted, workload.kind === 'finetune' ? pods : undefined);
      if (expanded.gang !== undefined) this.#gangs.register(expanded.gang.spec, expanded.gang.members);
      this.#podsOf.set(workload.name, { workload, pods: expanded.pods.map((p) => p.name) });
      for (const pod of expanded.pods) {
        this.#workloadOfPod.set(pod.name, workload.name);
        this.#active.push({ pod, sequence: this.#sequence++, workload: workload.name });
      }
    }
  }

  #admitsBefore(a: PendingWorkload, b: PendingWorkload): boolean {
    if (this.#quota !== undefined) {
      const sa = a.workload.queue === undefined ? Infinity : this.#quota.dominantShare(a.workload.queue);
      const sb = b.workload.queue === undefined ? Infinity : this.#quota.dominantShare(b.workload.queue);
      if (sa !== sb) return sa < sb;
    }
    const pa = a.workload.priority ?? 0;
    const pb = b.workload.priority ?? 0;
    return pa !== pb ? pa > pb : a.sequence < b.sequence;
  }

  /** A workload that lost pods to preemption starts over: pods freed, quota returned, re-queued whole. */
  #requeueEvicted(): void {
    for (const name of this.#evictedWorkloads) {
      const entry = this.#podsOf.get(name);
      if (entry === undefined) continue;
      this.#dropAdmitted(name);
      this.#pendingWorkloads.push({ workload: entry.workload, sequence: this.#sequence++ });
      this.#workloadReason.set(name, 'preempted; waiting for re-admission');
    }
    this.#evictedWorkloads.clear();
  }

  #dropAdmitted(name: string): void {
    const entry = this.#podsOf.get(name)!;
    const waiting = new Set([...this.#framework.waitingPods()].map((w) => w.pod.name));
    for (const pod of entry.pods) {
      if (waiting.has(pod)) this.#framework.reject(pod, `workload ${name} removed`);
      if (this.cluster.allocationOf(pod) !== undefined) this.cluster.release(pod);
      this.#workloadOfPod.delete(pod);
      this.#podReason.delete(pod);
    }
    this.#active = this.#active.filter((a) => a.workload !== name);
    this.#requeue = this.#requeue.filter((a) => a.workload !== name);
    if (entry.workload.kind === 'finetune') this.#gangs.unregister(name);
    if (this.#quota !== undefined && entry.workload.queue !== undefined) this.#quota.release(name);
    this.#podsOf.delete(name);
  }

  #flushRequeue(): void {
    for (const item of this.#requeue) if (!this.#active.some((a) => a.pod.name === item.pod.name)) this.#active.push(item);
    this.#requeue = [];
  }
}
