import { checkpointTimeNs } from '../../fabric-sim/training/index.js';
import { efficiencyFor, fineTuneCollectives, fineTuneStepTime, getModel, makeFineTuneJob, collectiveTimeNs, type GpuSpec, type CollectiveCost } from '../../gpu-model/index.js';
import type { JobProgress } from '../elastic/job-progress.js';
import { ElasticJobRun } from '../elastic/job-progress.js';
import type { TimedLendingAction } from '../elastic/pool-controller.js';
import type { DayFineTune } from './day-input.js';

/** Lends and reclaims of one deployment's pool, with the GPUs (slot order) the pool owns. */
export interface PoolLending {
  readonly pool: string;
  readonly actions: readonly TimedLendingAction[];
}

/** The elastic fine-tuning job's day. */
export interface FineTuneDay {
  readonly spec: DayFineTune;
  /** Workers on GPUs no deployment owns (placed as a gang at the start of the day). */
  readonly baseWorkers: number;
  /** Most workers at once, and when (on the real day's clock). */
  readonly maxWorkers: number;
  readonly maxWorkersAtNs: number;
  /** Lent workers per pool at that moment. */
  readonly lentAtMax: ReadonlyMap<string, number>;
  readonly progress: JobProgress;
  /** Sequences trained (kept steps x global batch). */
  readonly sequencesTrained: number;
  /** What the job would have trained on its base GPUs alone. */
  readonly baseOnlySequences: number;
  readonly lends: number;
  readonly reclaims: number;
  /** GPU-time lent by the pools over the real day, ns. */
  readonly lentGpuNs: number;
  /** The data-parallel gradient all-reduce bytes per step and its time from the analytic fabric model at the widest point. */
  readonly gradientBytes: number;
  readonly modelAllReduceNs: number;
  readonly stepTimeAtMaxNs: number;
}

/** Step time of the job with `workers` one-GPU data-parallel workers: the busiest rank runs ceil(G / workers) micro-batches. */
export function stepTimeFor(spec: DayFineTune, gpu: GpuSpec, net: CollectiveCost): (workers: number) => number {
  const model = getModel(spec.model, 'fineTune.model');
  const memo = new Map<number, number>();
  return (workers) => {
    let t = memo.get(workers);
    if (t === undefined) {
      const perRank = Math.ceil(spec.globalBatchSeqs / workers);
      const job = makeFineTuneJob({ model, method: spec.method, seqLen: spec.seqLen, microBatchSeqs: 1, globalBatchSeqs: perRank * workers, dp: workers });
      t = fineTuneStepTime(job, gpu, net, efficiencyFor(gpu.name)).timeNs;
      memo.set(workers, t);
    }
    return t;
  };
}

/** A real day, ns. */
export const REAL_DAY_NS = 86_400e9;

/**
 * Runs the elastic job through the day: base workers from the start, plus whatever the pools
 * lend, minus what they reclaim. Lends and reclaims of different pools at the same instant are
 * one membership change (one restart).
 *
 * The job runs on the clock of the real day the simulated day stands for: a lend decided at
 * simulated time t happens at t x (24 h / dayNs) of the job's day. Its steps, checkpoints and
 * restarts then cost what they would in a real day; on the compressed clock a 10 s restart
 * would weigh a hundred times more against the hours a lend lasts. Every GPU-time this returns
 * is on the real day's clock.
 */
export function runFineTuneDay(spec: DayFineTune, input: { gpu: GpuSpec; net: CollectiveCost; baseWorkers: number; pools: readonly PoolLending[]; dayNs: number }): FineTuneDay {
  const toReal = REAL_DAY_NS / input.dayNs;
  const model = getModel(spec.model, 'fineTune.model');
  const stepTimeNs = stepTimeFor(spec, input.gpu, input.net);
  const probe = makeFineTuneJob({ model, method: spec.method, seqLen: spec.seqLen, microBatchSeqs: 1, globalBatchSeqs: spec.globalBatchSeqs, dp: 1 });
  const job = {
    name: spec.name,
    priority: 0,
    gpusPerWorker: 1,
    minWorkers: 1,
    maxWorkers: Number.MAX_SAFE_INTEGER,
    stepTimeNs,
    checkpointEverySteps: spec.checkpointEverySteps,
    checkpointNs: checkpointTimeNs(probe, spec.checkpointBytesPerSec),
    restartNs: spec.restartNs,
    checkpointOnChange: true,
  };
  const events = input.pools
    .flatMap((p, poolIndex) => p.actions.map((a) => ({ timeNs: a.timeNs * toReal, poolIndex, pool: p.pool, delta: a.kind === 'lend' ? a.workers : -a.workers })))
    .sort((a, b) => a.timeNs - b.timeNs || a.poolIndex - b.poolIndex);
  const run = new ElasticJobRun(job);
  run.setWorkers(0, input.baseWorkers);
  const lent = new Map(input.pools.map((p) => [p.pool, 0]));
  let workers = input.baseWorkers;
  let maxWorkers = workers;
  let maxWorkersAtNs = 0;
  let lentAtMax = new Map(lent);
  let lentGpuNs = 0;
  let lastNs = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    lentGpuNs += (workers - input.baseWorkers) * (e.timeNs - lastNs);
    lastNs = e.timeNs;
    workers += e.delta;
    lent.set(e.pool, (lent.get(e.pool) ?? 0) + e.delta);
    if (events[i + 1]?.timeNs === e.timeNs) continue;
    run.setWorkers(e.timeNs, workers);
    if (workers > maxWorkers) {
      maxWorkers = workers;
      maxWorkersAtNs = e.timeNs;
      lentAtMax = new Map(lent);
    }
  }
  // Requests still in flight at the end of the day keep the controller ticking a little longer.
  const endNs = Math.max(REAL_DAY_NS, lastNs);
  lentGpuNs += (workers - input.baseWorkers) * (endNs - lastNs);
  const progress = run.progress(endNs);
  const baseOnly = new ElasticJobRun(job);
  if (input.baseWorkers > 0) baseOnly.setWorkers(0, input.baseWorkers);
  const baseOnlySteps = baseOnly.progress(endNs).stepsDone;
  // A job that never got a GPU (deployments own the whole cluster and lent nothing) has no collective.
  const atMax = maxWorkers > 0 ? makeFineTuneJob({ model, method: spec.method, seqLen: spec.seqLen, microBatchSeqs: 1, globalBatchSeqs: Math.ceil(spec.globalBatchSeqs / maxWorkers) * maxWorkers, dp: maxWorkers }) : undefined;
  const gradient = atMax === undefined ? undefined : fineTuneCollectives(atMax).find((c) => c.group === 'dp');
  return {
    spec,
    baseWorkers: input.baseWorkers,
    maxWorkers,
    maxWorkersAtNs,
    lentAtMax,
    progress,
    sequencesTrained: progress.stepsDone * spec.globalBatchSeqs,
    baseOnlySequences: baseOnlySteps * spec.globalBatchSeqs,
    lends: events.filter((e) => e.delta > 0).length,
    reclaims: events.filter((e) => e.delta < 0).length,
    lentGpuNs,
    gradientBytes: gradient?.bytes ?? 0,
    modelAllReduceNs: gradient === undefined ? 0 : collectiveTimeNs(gradient, input.net),
    stepTimeAtMaxNs: maxWorkers > 0 ? stepTimeNs(maxWorkers) : 0,
  };
}

