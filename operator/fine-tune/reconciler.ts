import { findCondition, setCondition, type ConditionInput } from '../conditions.js';
import type { EventRecorder } from '../events.js';
import { describeApiError, isConflict, isNotFound } from '../kube/api-error.js';
import type { KubeClient } from '../kube/client.js';
import { keyOf, type Condition, type FineTuneJob, type FineTuneJobStatus, type NodeObject, type PodObject } from '../kube/objects.js';
import type { LendingController } from '../lending.js';
import type { OperatorMetrics } from '../metrics.js';
import { isFinished } from '../model-deployment/pods.js';
import type { ModelDeploymentReconciler } from '../model-deployment/reconciler.js';
import type { PodDemand } from '../placement.js';
import { nodeView, type TopologyKeys } from '../topology.js';
import { completionAt, planJob, type PlannedJob, type UnplannedJob } from './plan.js';
import { JOB_LABEL, workerIndex, workerPod, workerPodName } from './pods.js';
import { validateFineTuneJob, type ValidFineTuneJob } from './validate.js';

/** Removed only after every worker pod is gone. */
export const JOB_FINALIZER = 'weft.dev/worker-pods';

export interface FineTuneReconcilerOptions {
  client: KubeClient;
  caches: { job(key: string): FineTuneJob | undefined; nodes(): NodeObject[]; pods(): PodObject[] };
  events: EventRecorder;
  topologyKeys: TopologyKeys;
  /** Shares the placement ledger with the deployments' reconciler. */
  deployments: ModelDeploymentReconciler;
  lending: LendingController;
  metrics?: OperatorMetrics;
  log: (line: string) => void;
  /** Wall clock, ms since the epoch (tests). */
  nowMs?: () => number;
}

const hoursText = (ns: number): string => `${(ns / 3600e9).toFixed(2)}h`;

/**
 * Drives one FineTuneJob: plans it (`planJob`: planFineTune on the cluster's GPU types), runs
 * as many workers as the lending controller gives it (a job starts only with its whole planned
 * gang, all-or-nothing through the gang profile, and grows by gangs of the added workers),
 * deletes workers above that target with the reclaim grace as termination grace period, and
 * reports the plan, the workers and the predicted completion against the deadline.
 *
 * Invariants, as for deployments: a worker is bound only when neither the cache nor the shared
 * ledger shows it bound; names are deterministic (a repeated create is a 409, not a twin); a
 * gang's GPUs are held in the ledger from the decision until the bindings are answered.
 */
export class FineTuneJobReconciler {
  readonly #o: FineTuneReconcilerOptions;
  readonly #plans = new Map<string, { key: string; plan: PlannedJob | UnplannedJob; valid: ValidFineTuneJob }>();
  readonly #eventSent = new Map<string, string>();

  constructor(options: FineTuneReconcilerOptions) {
    this.#o = options;
  }

  /** The job's plan as last computed (for the lending controller); undefined when it has none. */
  planned(job: FineTuneJob): PlannedJob | undefined {
    const memo = this.#memo(job);
    return memo?.plan.kind === 'planned' ? memo.plan : undefined;
  }

  async reconcile(key: string): Promise<{ requeueAfterMs?: number }> {
    let job = this.#o.caches.job(key);
    if (job === undefined) {
      this.#plans.delete(key);
      this.#o.lending.forget(key);
      for (const k of this.#eventSent.keys()) if (k.startsWith(`${key}/`)) this.#eventSent.delete(k);
      return {};
    }
    if (job.metadata.deletionTimestamp !== undefined) return this.#finalize(job);
    if (!(job.metadata.finalizers ?? []).includes(JOB_FINALIZER)) {
      job = await this.#o.client.updateFineTuneJob({ ...job, metadata: { ...job.metadata, finalizers: [...(job.metadata.finalizers ?? []), JOB_FINALIZER] } });
    }
    const now = new Date(this.#o.nowMs?.() ?? Date.now());
    const generation = job.metadata.generation;
    let conditions = job.status?.conditions;
    const set = (c: ConditionInput): void => {
      conditions = setCondition(conditions, { ...c, ...(generation === undefined ? {} : { observedGeneration: generation }) }, now);
    };
    const pods = this.#workers(job);
    const memo = this.#memo(job);
    if (memo === undefined || memo.plan.kind !== 'planned') {
      const why = memo === undefined ? validateFineTuneJob(job) : memo.plan;
      const { reason, message } = why as { reason: string; message: string };
      set({ type: 'Planned', status: 'False', reason, message });
      set({ type: 'Scheduled', status: 'False', reason, message: 'not scheduled: the job could not be planned' });
      await this.#eventOnChange(job, conditions, 'Planned', 'Warning');
      await this.#writeStatus(job, { ...this.#baseStatus(job, pods, undefined), conditions: conditions ?? [] });
      return {};
    }
    const { plan, valid } = memo;
    set({ type: 'Planned', status: 'True', reason: 'Planned', message: plan.message });
    await this.#eventOnChange(job, conditions, 'Planned', 'Normal');

    const target = this.#o.lending.target(key);
    const workers = target ?? 0;
    // Reclaim: workers at or above the target go, highest index first, with the grace to checkpoint.
    for (const pod of pods.filter((p) => (workerIndex(p) ?? Infinity) >= workers).reverse()) {
      if (pod.metadata.deletionTimestamp !== undefined) continue;
      await this.#delete(pod, this.#o.lending.reclaimGraceSec);
      this.#o.metrics?.decisions.inc({ decision: 'delete' });
    }

    // Missing or unbound workers below the target: one gang, all or nothing.
    const byName = new Map(pods.map((p) => [p.metadata.name, p]));
    const missing: number[] = [];
    for (let i = 0; i < workers; i++) {
      const pod = byName.get(workerPodName(job, i));
      if (pod === undefined || (this.#o.deployments.ledger.boundNode(pod) === undefined && pod.metadata.deletionTimestamp === undefined)) missing.push(i);
    }
    const demand: PodDemand = { ...valid.demand, gpus: plan.gpusPerWorker, gpuType: plan.gpuLabel };
    let unschedulable: string | undefined;
    if (missing.length > 0) {
      const namespace = job.metadata.namespace ?? '';
      const boundNow = pods.filter((p) => this.#o.deployments.ledger.boundNode(p) !== undefined && p.metadata.deletionTimestamp === undefined && (workerIndex(p) ?? Infinity) < workers).length;
      // The gang the lending controller asked for; when it does not fit (the counts do not see
      // fragmentation), the largest smaller gang that does, down to what completes the planned gang.
      const least = Math.max(1, plan.minWorkers - boundNow);
      const startedMs = performance.now();
      let placed: { members: { key: string; demand: PodDemand }[]; nodes: string[] } | undefined;
      for (let k = missing.length; k >= Math.min(least, missing.length) && placed === undefined; k--) {
        const members = missing.slice(0, k).map((i) => ({ key: `${namespace}/${workerPodName(job, i)}`, demand }));
        const decision = this.#o.deployments.ledger.placer().placeGang(`${namespace}/${job.metadata.name}`, members);
        if (decision.kind === 'placed') placed = { members, nodes: decision.nodes };
        else unschedulable ??= decision.reason;
      }
      this.#o.metrics?.decisionSeconds.observe({ kind: 'gang' }, (performance.now() - startedMs) / 1000);
      if (placed === undefined) {
        this.#o.metrics?.decisions.inc({ decision: 'unschedulable' });
      } else {
        unschedulable = undefined;
        const { members, nodes } = placed;
        if (members.length < missing.length) this.#o.lending.clip(key, missing[members.length - 1]! + 1);
        members.forEach((m, j) => { this.#o.deployments.ledger.hold(m.key, nodes[j]!, demand); });
        try {
          for (let j = 0; j < members.length; j++) {
            const i = missing[j]!;
            const ok = await this.#createAndBind(job, i, byName.get(workerPodName(job, i)), nodes[j]!, plan, demand);
            if (!ok) return { requeueAfterMs: 100 };
            this.#o.metrics?.decisions.inc({ decision: 'bind' });
          }
        } finally {
          for (const m of members) this.#o.deployments.ledger.release(m.key);
        }
        await this.#o.events.record({
          involved: job,
          type: 'Normal',
          reason: 'Scheduled',
          message: `bound ${members.length} worker(s) as one gang: ${members.map((m, j) => `${m.key.slice(namespace.length + 1)}->${nodes[j]!}`).join(', ')}`,
        });
      }
    }
    const finalWorkers = this.#o.lending.target(key) ?? 0;
    const current = this.#workers(job);
    const bound = current.filter((p) => (workerIndex(p) ?? Infinity) < finalWorkers && (p.spec?.nodeName ?? '') !== '' && p.metadata.deletionTimestamp === undefined).length;
    if (target === undefined || finalWorkers === 0) {
      set({ type: 'Scheduled', status: 'False', reason: 'WaitingForGpus', message: `no GPUs lent yet: the planned gang needs ${plan.minWorkers} worker(s) x ${plan.gpusPerWorker} GPU(s) that inference does not need` });
    } else if (unschedulable !== undefined) {
      set({ type: 'Scheduled', status: 'False', reason: 'Unschedulable', message: `${bound}/${finalWorkers} workers bound; no gang of ${Math.min(missing.length, Math.max(1, plan.minWorkers - bound))} to ${missing.length} worker(s) fits: ${unschedulable}` });
      await this.#eventOnChange(job, conditions, 'Scheduled', 'Warning', 'FailedScheduling');
    } else {
      set({ type: 'Scheduled', status: 'True', reason: 'AllWorkersBound', message: `${bound}/${finalWorkers} workers bound (${bound * plan.gpusPerWorker} GPUs)` });
    }
    // The deadline prediction at the size the job has now. Not started: the latest start that
    // still meets the deadline (time-invariant, so a waiting job's status does not churn).
    const gpusNow = bound * plan.gpusPerWorker;
    const running = gpusNow > 0;
    const completionNs = (running ? completionAt(valid, job.spec.baseModel, plan, gpusNow) : undefined) ?? plan.candidate.completionNs;
    const starts = current.filter((p) => p.metadata.creationTimestamp !== undefined).map((p) => Date.parse(p.metadata.creationTimestamp!));
    const startedMs = running && starts.length > 0 ? Math.min(...starts) : undefined;
    const iso = (ms: number): string => new Date(Math.round(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
    const predictedCompletion = startedMs === undefined ? undefined : iso(startedMs + completionNs / 1e6);
    if (valid.deadlineMs !== undefined) {
      const deadline = iso(valid.deadlineMs);
      if (startedMs !== undefined) {
        const late = startedMs + completionNs / 1e6 > valid.deadlineMs;
        set({
          type: 'DeadlineMet',
          status: late ? 'False' : 'True',
          reason: late ? 'PredictedLate' : 'PredictedOnTime',
          message: `predicted to finish ${predictedCompletion!} (${hoursText(completionNs)} on ${gpusNow} GPUs from the first worker's start); deadline ${deadline}`,
        });
      } else {
        const latestStartMs = valid.deadlineMs - completionNs / 1e6;
        const late = now.getTime() > latestStartMs;
        set({
          type: 'DeadlineMet',
          status: late ? 'False' : 'Unknown',
          reason: late ? 'PredictedLate' : 'NotStarted',
          message: `needs ${hoursText(completionNs)} on the planned ${plan.candidate.gpus} GPUs: must start by ${iso(latestStartMs)} to meet the deadline ${deadline}`,
        });
      }
      await this.#eventOnChange(job, conditions, 'DeadlineMet', conditions?.find((x) => x.type === 'DeadlineMet')?.status === 'False' ? 'Warning' : 'Normal');
    }
    const c = plan.candidate;
    await this.#writeStatus(job, {
      ...this.#baseStatus(job, current, finalWorkers),
      plan: {
        gpu: plan.gpu,
        gpus: c.gpus,
        workers: plan.minWorkers,
        gpusPerWorker: plan.gpusPerWorker,
        dp: c.dp,
        tp: c.tp,
        pp: c.pp,
        zeroStage: c.zeroStage,
        stepTime: `${(c.stepTimeNs / 1e6).toFixed(1)}ms`,
        predictedDuration: hoursText(c.completionNs),
      },
      ...(predictedCompletion === undefined ? {} : { predictedCompletion }),
      conditions: conditions ?? [],
    });
    return unschedulable === undefined ? {} : { requeueAfterMs: 30_000 };
  }

  /** The plan for the job's generation and the cluster's GPU inventory (planned once per change). */
  #memo(job: FineTuneJob): { plan: PlannedJob | UnplannedJob; valid: ValidFineTuneJob } | undefined {
    const valid = validateFineTuneJob(job);
    if (valid.kind !== 'valid') return undefined;
    const nodes = nodeView(this.#o.caches.nodes(), this.#o.topologyKeys).nodes.filter((n) => !n.cordoned);
    const inventory = [...new Set(nodes.filter((n) => n.gpuCount > 0).map((n) => `${n.gpuType}:${n.gpuCount}`))].sort().join(',');
    const key = keyOf(job.metadata);
    const memoKey = `${job.metadata.uid ?? ''}/${job.metadata.generation ?? 0}/${inventory}`;
    const memo = this.#plans.get(key);
    if (memo?.key === memoKey) return memo;
    // The deadline counts from when the job was created (a replan after a node change keeps it).
    const createdMs = job.metadata.creationTimestamp === undefined ? (this.#o.nowMs?.() ?? Date.now()) : Date.parse(job.metadata.creationTimestamp);
    const entry = { key: memoKey, plan: planJob(valid, job.spec.baseModel, nodes, createdMs), valid };
    this.#plans.set(key, entry);
    return entry;
  }

  async #finalize(job: FineTuneJob): Promise<{ requeueAfterMs?: number }> {
    if (!(job.metadata.finalizers ?? []).includes(JOB_FINALIZER)) return {};
    for (const pod of this.#workers(job)) if (pod.metadata.deletionTimestamp === undefined) await this.#delete(pod, undefined);
    if (this.#workers(job).length > 0) return { requeueAfterMs: 250 };
    await this.#o.client.updateFineTuneJob({ ...job, metadata: { ...job.metadata, finalizers: (job.metadata.finalizers ?? []).filter((f) => f !== JOB_FINALIZER) } });
    return {};
  }

  async #createAndBind(job: FineTuneJob, index: number, existing: PodObject | undefined, node: string, plan: PlannedJob, demand: PodDemand): Promise<boolean> {
    const namespace = job.metadata.namespace ?? '';
    const name = workerPodName(job, index);
    let uid = existing?.metadata.uid;
    if (existing === undefined) {
      try {
        uid = (await this.#o.client.createPod(workerPod(job, index, plan, this.#o.topologyKeys.gpuResource))).metadata.uid;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    }
    try {
      await this.#o.client.bindPod(namespace, name, node, uid);
      this.#o.deployments.ledger.bound(`${namespace}/${name}`, uid, node, demand);
      return true;
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) {
        this.#o.log(`${namespace}/${name}: binding to ${node} refused (${describeApiError(error)}); re-reading`);
        return false;
      }
      // Unanswered: the binding may have been applied; keep the GPUs promised until the cache tells.
      this.#o.deployments.ledger.bound(`${namespace}/${name}`, uid, node, demand);
      throw error;
    }
  }

  async #delete(pod: PodObject, graceSec: number | undefined): Promise<void> {
    try {
      await this.#o.client.deletePod(pod.metadata.namespace ?? '', pod.metadata.name, pod.metadata.uid, graceSec);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  #workers(job: FineTuneJob): PodObject[] {
    const ns = job.metadata.namespace ?? '';
    return this.#o.caches
      .pods()
      .filter((p) => (p.metadata.namespace ?? '') === ns && p.metadata.labels?.[JOB_LABEL] === job.metadata.name && !isFinished(p))
      .sort((a, b) => (workerIndex(a) ?? Infinity) - (workerIndex(b) ?? Infinity));
  }

  #baseStatus(job: FineTuneJob, pods: readonly PodObject[], targetWorkers: number | undefined): FineTuneJobStatus {
    const live = pods.filter((p) => p.metadata.deletionTimestamp === undefined && (p.spec?.nodeName ?? '') !== '');
    const gpusPerWorker = this.planned(job)?.gpusPerWorker ?? 0;
    return {
      ...(job.metadata.generation === undefined ? {} : { observedGeneration: job.metadata.generation }),
      gpus: live.length * gpusPerWorker,
      workers: live.length,
      ...(targetWorkers === undefined ? {} : { targetWorkers }),
      placements: live.map((p) => ({ pod: p.metadata.name, node: p.spec!.nodeName! })),
    };
  }

  async #writeStatus(job: FineTuneJob, status: FineTuneJobStatus): Promise<void> {
    if (JSON.stringify(job.status ?? {}) === JSON.stringify(status)) return;
    await this.#o.client.updateFineTuneJobStatus(job, status);
  }

  async #eventOnChange(job: FineTuneJob, conditions: Condition[] | undefined, type: string, eventType: 'Normal' | 'Warning', reason?: string): Promise<void> {
    const next = findCondition(conditions, type);
    const previous = findCondition(job.status?.conditions, type);
    if (next === undefined || (previous?.reason === next.reason && previous.message === next.message && previous.status === next.status)) return;
    const memoKey = `${keyOf(job.metadata)}/${job.metadata.uid ?? ''}/${type}`;
    const memo = `${next.status}/${next.reason}/${next.message}`;
    if (this.#eventSent.get(memoKey) === memo) return;
    this.#eventSent.set(memoKey, memo);
    await this.#o.events.record({ involved: job, type: eventType, reason: reason ?? next.reason, message: next.message });
  }
}
