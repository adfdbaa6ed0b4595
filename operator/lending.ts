import { planLending, type ElasticJob, type LendingAction } from '../scheduler/index.js';
import { keyOf, type FineTuneJob, type ModelDeployment, type NodeObject, type PodObject } from './kube/objects.js';
import { JOB_LABEL, workerIndex } from './fine-tune/pods.js';
import type { PlannedJob } from './fine-tune/plan.js';
import { DEPLOYMENT_LABEL, isFinished, podDemand } from './model-deployment/pods.js';
import { catalogGpu } from './planning/gpu-catalog.js';
import { nodeView, type TopologyKeys } from './topology.js';

export interface LendingOptions {
  /** GPUs never lent, kept for inference bursts. Default 0. */
  reserveGpus: number;
  /** Longest a reclaimed worker gets to checkpoint and exit (its pod's grace period). Default 30 s. */
  reclaimGraceSec: number;
}

/** One lending decision, for Events and metrics. */
export interface LendingDecision {
  jobKey: string;
  action: LendingAction;
  /** Workers before and after. */
  from: number;
  to: number;
}

/**
 * The lending side of the elastic controller: fine-tuning jobs run on the GPUs inference does
 * not need, grow on idle GPUs and give them back when inference scales up. The decisions are
 * the scheduler's `planLending` (inference first; lends to the highest priority, whole workers,
 * a job starts only with its planned gang; reclaims from the lowest priority, shrinking to the
 * planned gang before suspending); this class only counts the cluster for it and keeps each
 * job's worker target, which the FineTuneJob reconciler turns into pod creations (gang-placed)
 * and deletions (with the reclaim grace as the pod's termination grace period).
 *
 * The counts, per GPU type (catalog key), over the Ready, schedulable nodes:
 * - GPUs inference owns = every GPU minus those held by pods Weft does not manage;
 * - GPUs inference needs = per ModelDeployment of that type, the larger of its target x GPUs
 *   per replica and the GPUs its live replica pods hold (a replica being deleted holds its
 *   GPUs); a deployment whose type is not known yet counts in every pool;
 * - every running fine-tuning worker of a job planned on that type is lent.
 * Counts do not see fragmentation: a lent gang that does not fit is shrunk by the job's
 * reconciler to what does (`clip`).
 */
export class LendingController {
  readonly #options: LendingOptions;
  readonly #targets = new Map<string, number>();

  constructor(options: Partial<LendingOptions> = {}) {
    this.#options = { reserveGpus: options.reserveGpus ?? 0, reclaimGraceSec: options.reclaimGraceSec ?? 30 };
    if (!(this.#options.reserveGpus >= 0)) throw new RangeError(`reserveGpus must be >= 0, got ${this.#options.reserveGpus}`);
    if (!(this.#options.reclaimGraceSec >= 0)) throw new RangeError(`reclaimGraceSec must be >= 0, got ${this.#options.reclaimGraceSec}`);
  }

  get reclaimGraceSec(): number {
    return this.#options.reclaimGraceSec;
  }

  /** Workers job `key` should run now; undefined before the first tick that saw it. */
  target(key: string): number | undefined {
    return this.#targets.get(key);
  }

  forget(key: string): void {
    this.#targets.delete(key);
  }

  /** The job could place only `workers` of its target (fragmentation): the target follows. */
  clip(key: string, workers: number): void {
    const target = this.#targets.get(key);
    if (target !== undefined && workers < target) this.#targets.set(key, workers);
  }

  /**
   * One decision round over the caches. `planned` gives each job's plan (undefined: not
   * plannable, left out). Returns the decisions; targets are updated.
   */
  tick(input: {
    nowMs: number;
    nodes: readonly NodeObject[];
    pods: readonly PodObject[];
    deployments: readonly ModelDeployment[];
    jobs: readonly FineTuneJob[];
    planned: (job: FineTuneJob) => PlannedJob | undefined;
    keys: TopologyKeys;
  }): LendingDecision[] {
    const { nodes, pods, keys } = input;
    // One pool per GPU type (catalog key): a job's workers only fit GPUs of its planned type.
    const view = nodeView(nodes, keys).nodes;
    const typeOfNode = new Map(view.map((n) => [n.name, n.gpuCount > 0 ? (catalogGpu(n.gpuType) ?? n.gpuType) : '']));
    const pools = new Map<string, { capacity: number; foreign: number; needed: number }>();
    const pool = (type: string) => {
      let p = pools.get(type);
      if (p === undefined) pools.set(type, (p = { capacity: 0, foreign: 0, needed: 0 }));
      return p;
    };
    for (const n of view) if (!n.cordoned && n.gpuCount > 0) pool(typeOfNode.get(n.name)!).capacity += n.gpuCount;
    const deploymentGpus = new Map<string, number>();
    const liveWorkers = new Map<string, number>();
    for (const pod of pods) {
      if (isFinished(pod)) continue;
      const ns = pod.metadata.namespace ?? '';
      const md = pod.metadata.labels?.[DEPLOYMENT_LABEL];
      const job = pod.metadata.labels?.[JOB_LABEL];
      const gpus = podDemand(pod, keys.gpuResource).gpus;
      const node = pod.spec?.nodeName ?? '';
      if (md !== undefined) deploymentGpus.set(`${ns}/${md}`, (deploymentGpus.get(`${ns}/${md}`) ?? 0) + gpus);
      else if (job !== undefined) {
        if (pod.metadata.deletionTimestamp === undefined && workerIndex(pod) !== undefined) liveWorkers.set(`${ns}/${job}`, (liveWorkers.get(`${ns}/${job}`) ?? 0) + 1);
      } else if (node !== '' && gpus > 0) pool(typeOfNode.get(node) ?? '').foreign += gpus;
    }
    for (const md of input.deployments) {
      if (md.metadata.deletionTimestamp !== undefined) continue;
      const target = md.status?.targetReplicas ?? md.spec.replicas ?? 0;
      const tp = md.status?.plan?.tensorParallel ?? md.spec.gpusPerReplica ?? 0;
      const gpus = Math.max(target * tp, deploymentGpus.get(keyOf(md.metadata)) ?? 0);
      const type = md.status?.plan?.gpu ?? (md.spec.gpuType === undefined ? undefined : catalogGpu(md.spec.gpuType) ?? md.spec.gpuType);
      // A deployment whose GPU type is not known yet may land on any type: it counts in every pool.
      if (type === undefined) for (const p of pools.values()) p.needed += gpus;
      else pool(type).needed += gpus;
    }
    const nowNs = input.nowMs * 1e6;
    const jobsByType = new Map<string, (ElasticJob & { key: string })[]>();
    const live = new Set<string>();
    for (const job of input.jobs) {
      const key = keyOf(job.metadata);
      const plan = job.metadata.deletionTimestamp === undefined ? input.planned(job) : undefined;
      if (plan === undefined) continue;
      live.add(key);
      // Workers lent: the target given before (its pods may be on the way, or on the way out while
      // the cache still shows them); the pods the cache shows only before the first decision.
      const workers = Math.min(plan.maxWorkers, this.#targets.get(key) ?? liveWorkers.get(key) ?? 0);
      const started = pods
        .filter((p) => p.metadata.namespace === job.metadata.namespace && p.metadata.labels?.[JOB_LABEL] === job.metadata.name && p.metadata.creationTimestamp !== undefined)
        .map((p) => Date.parse(p.metadata.creationTimestamp!));
      const runningSinceMs = started.length === 0 ? input.nowMs : Math.min(...started);
      // Checkpoints every interval since the workers started: the last one is at most an interval ago.
      const interval = (job.spec.checkpoint?.intervalSeconds ?? 600) * 1000;
      const lastCheckpointMs = input.nowMs - Math.min(interval, input.nowMs - runningSinceMs);
      const list = jobsByType.get(plan.gpu) ?? [];
      list.push({ key, name: key, priority: job.spec.priority ?? 0, gpusPerWorker: plan.gpusPerWorker, minWorkers: plan.minWorkers, maxWorkers: plan.maxWorkers, workers, lastCheckpointNs: lastCheckpointMs * 1e6 });
      jobsByType.set(plan.gpu, list);
    }
    for (const key of this.#targets.keys()) if (!live.has(key)) this.#targets.delete(key);
    const actions: LendingAction[] = [];
    for (const [type, jobs] of [...jobsByType].sort(([a], [b]) => a.localeCompare(b))) {
      for (const job of jobs) if (!this.#targets.has(job.key)) this.#targets.set(job.key, job.workers);
      const p = pool(type);
      actions.push(
        ...planLending(
          { nowNs, inferenceGpus: p.capacity - p.foreign, inferenceNeededGpus: p.needed, reserveGpus: this.#options.reserveGpus, jobs },
          { reclaimGraceNs: this.#options.reclaimGraceSec * 1e9 },
        ),
      );
    }
    const decisions: LendingDecision[] = [];
    for (const action of actions) {
      const from = this.#targets.get(action.job) ?? 0;
      const to = action.kind === 'lend' ? from + action.workers : action.suspended ? 0 : Math.max(0, from - action.workers);
      this.#targets.set(action.job, to);
      decisions.push({ jobKey: action.job, action, from, to });
    }
    return decisions;
  }
}
