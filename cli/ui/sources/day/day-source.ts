import { meetsSlo, ServingSimulation, type ServingSlo } from '../../../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../../../fabric-sim/workload/inference-request.js';
import { checkpointTimeNs } from '../../../../fabric-sim/training/index.js';
import { getModel, makeFineTuneJob } from '../../../../gpu-model/index.js';
import { lentSlotGpus, type PreparedDay } from '../../../../scheduler/day/cluster-day.js';
import { policyStart, type PlannedDeployment } from '../../../../scheduler/day/deployment-day.js';
import { REAL_DAY_NS, stepTimeFor } from '../../../../scheduler/day/finetune-day.js';
import { ElasticJobRun } from '../../../../scheduler/elastic/job-progress.js';
import type { PoolController } from '../../../../scheduler/elastic/pool-controller.js';
import type { SloTargets } from '../../../../scheduler/planner/slo.js';
import type { DashboardSource } from '../../model/source.js';
import type { DashboardSnapshot, GpuCellView, NodeView, SeriesView, WorkloadView } from '../../model/snapshot.js';
import { EventLog, pushBounded } from '../event-log.js';
import { windowP99 } from '../serving/window-p99.js';

interface Pool {
  readonly planned: PlannedDeployment;
  readonly sim: ServingSimulation;
  readonly controller: PoolController;
  readonly slo: ServingSlo;
  next: number;
  idle: boolean;
  actionsSeen: number;
  ready: number;
  starting: number;
  counted: number;
  met: number;
  readonly ttft: number[];
  readonly tpot: number[];
}

const servingSlo = (slo: SloTargets): ServingSlo => ({
  ...(slo.ttftP99Ns === undefined ? {} : { ttftNs: slo.ttftP99Ns }),
  ...(slo.tpotP99Ns === undefined ? {} : { tpotNs: slo.tpotP99Ns }),
  ...(slo.e2eP99Ns === undefined ? {} : { e2eNs: slo.e2eP99Ns }),
});

/**
 * The demo's day, live: every deployment's elastic-with-lending run on one simulated clock (each
 * its own serving simulation, advanced in bounded slices), the GPUs each pool lends to the
 * fine-tuning job, and the job's progress on the real day's clock. The GPU grid shows the real
 * cluster: each deployment's replica slots where the scheduler placed them (running replicas on
 * the lowest slots, lent GPUs on the highest), and the job's gang on the rest.
 */
export class DaySource implements DashboardSource {
  readonly #day: PreparedDay;
  readonly #pools: Pool[];
  readonly #events = new EventLog();
  readonly #job: ElasticJobRun;
  readonly #baseWorkers: number;
  readonly #windowNs: number;
  readonly #sampleNs: number;
  readonly #maxEvents: number;
  #lentWorkers = 0;
  /** Lends (+) and reclaims (-) seen but not yet applied: a pool may run ahead of the shared clock. */
  readonly #pending: { timeNs: number; poolIndex: number; delta: number }[] = [];
  #nowNs = 0;
  #nextSampleNs: number;
  #finished = false;
  #budgetLimited = false;

  constructor(day: PreparedDay, options: { maxEventsPerSlice?: number } = {}) {
    this.#day = day;
    this.#windowNs = day.settings.sloWindowNs;
    this.#sampleNs = day.input.dayNs / 240;
    this.#nextSampleNs = this.#sampleNs;
    this.#maxEvents = options.maxEventsPerSlice ?? 40_000;
    this.#pools = day.deployments.map((planned) => {
      const { replicas, controller } = policyStart('elastic-lending', planned, day.settings);
      const sim = new ServingSimulation({ deployment: planned.deployment, replicas }, { seed: day.input.seed, controller: controller! });
      this.#events.push({ timeNs: 0, kind: 'placement', message: `${planned.spec.name}: ${planned.plan.gpu} tp${planned.plan.tp} ${planned.plan.precision}, ${planned.plan.replicas} replica slots placed, ${replicas} running` });
      return { planned, sim, controller: controller!, slo: servingSlo(planned.spec.slo), next: 0, idle: false, actionsSeen: 0, ready: replicas, starting: 0, counted: 0, met: 0, ttft: [], tpot: [] };
    });
    const ft = day.input.fineTune;
    const probe = makeFineTuneJob({ model: getModel(ft.model, 'fineTune.model'), method: ft.method, seqLen: ft.seqLen, microBatchSeqs: 1, globalBatchSeqs: ft.globalBatchSeqs, dp: 1 });
    this.#job = new ElasticJobRun({
      name: ft.name,
      priority: 0,
      gpusPerWorker: 1,
      minWorkers: 1,
      maxWorkers: Number.MAX_SAFE_INTEGER,
      stepTimeNs: stepTimeFor(ft, day.gpu, day.net),
      checkpointEverySteps: ft.checkpointEverySteps,
      checkpointNs: checkpointTimeNs(probe, ft.checkpointBytesPerSec),
      restartNs: ft.restartNs,
      checkpointOnChange: true,
    });
    this.#baseWorkers = day.base.placed.length;
    this.#job.setWorkers(0, this.#baseWorkers);
    this.#events.push({ timeNs: 0, kind: 'placement', message: `${ft.name}: ${this.#baseWorkers} workers gang-placed on the free GPUs` });
  }

  /** Each deployment's serving simulation (tests compare them with whole runs). */
  get simulations(): readonly ServingSimulation[] {
    return this.#pools.map((p) => p.sim);
  }

  advance(wallMs: number, speed: number): boolean {
    if (this.#finished) return false;
    const targetNs = this.#nowNs + wallMs * 1e6 * speed;
    const budget = Math.max(1_000, Math.floor(this.#maxEvents / this.#pools.length));
    let reachedNs = targetNs;
    this.#budgetLimited = false;
    for (const p of this.#pools) {
      if (!p.idle && !this.#advancePool(p, Math.max(targetNs, p.sim.nowNs), budget)) this.#budgetLimited = true;
      reachedNs = Math.min(reachedNs, p.idle ? Infinity : p.sim.nowNs);
    }
    this.#finished = this.#pools.every((p) => p.idle);
    this.#nowNs = this.#finished ? Math.max(...this.#pools.map((p) => p.sim.nowNs)) : reachedNs;
    this.#pools.forEach((p, i) => { this.#observe(p, i); });
    this.#applyLending();
    this.#sample();
    if (this.#finished) this.#events.push({ timeNs: this.#nowNs, kind: 'info', message: 'the day is over: every request finished' });
    return !this.#finished;
  }

  /** Feeds arrivals up to `targetNs` and runs to it within `budget` events; false when the budget ran out first. */
  #advancePool(p: Pool, targetNs: number, budget: number): boolean {
    const start = p.sim.eventsProcessed;
    const requests: readonly InferenceRequest[] = p.planned.requests;
    for (;;) {
      const left = budget - (p.sim.eventsProcessed - start);
      if (left <= 0) return false;
      const next = requests[p.next];
      const outcome = p.sim.runUntil(next === undefined ? targetNs : Math.min(targetNs, next.arrivalNs), left);
      if (outcome === 'stopped') return false;
      if (next === undefined) {
        p.sim.close();
        if (outcome === 'idle') p.idle = true;
        return true;
      }
      if (next.arrivalNs > targetNs) return true;
      p.sim.arrive(next);
      p.next++;
    }
  }

  /** New lends and reclaims of a pool (held until the shared clock passes them), replica changes, attainment. */
  #observe(p: Pool, poolIndex: number): void {
    const name = p.planned.spec.name;
    const actions = p.controller.actions;
    for (; p.actionsSeen < actions.length; p.actionsSeen++) {
      const a = actions[p.actionsSeen]!;
      this.#pending.push({ timeNs: a.timeNs, poolIndex, delta: a.kind === 'lend' ? a.workers : -a.workers });
      this.#events.push(
        a.kind === 'lend'
          ? { timeNs: a.timeNs, kind: 'lend', message: `${name} lends ${a.gpus} GPUs to ${this.#day.input.fineTune.name}` }
          : { timeNs: a.timeNs, kind: 'reclaim', message: `${name} reclaims ${a.gpus} GPUs (free within ${(a.freeByNs - a.timeNs) / 1e9} s)` },
      );
    }
    const { ready, starting } = p.sim.status();
    const at = p.sim.nowNs;
    if (starting > p.starting) this.#events.push({ timeNs: at, kind: 'scale-up', message: `${name}: ${starting - p.starting} replica(s) loading (${ready} ready)` });
    if (ready < p.ready) this.#events.push({ timeNs: at, kind: 'scale-down', message: `${name}: ${p.ready} -> ${ready} replicas` });
    p.ready = ready;
    p.starting = starting;
    const records = p.sim.records;
    for (; p.counted < records.length; p.counted++) if (meetsSlo(records[p.counted]!, p.slo)) p.met++;
  }

  /**
   * Applies the lends and reclaims up to the shared clock to the job, in time order, changes of
   * several pools at one instant as one membership change (as the day's report counts them).
   */
  #applyLending(): void {
    this.#pending.sort((a, b) => a.timeNs - b.timeNs || a.poolIndex - b.poolIndex);
    let applied = 0;
    while (applied < this.#pending.length && this.#pending[applied]!.timeNs <= this.#nowNs) {
      const timeNs = this.#pending[applied]!.timeNs;
      for (; applied < this.#pending.length && this.#pending[applied]!.timeNs === timeNs; applied++) this.#lentWorkers += this.#pending[applied]!.delta;
      this.#job.setWorkers(this.#realNs(timeNs), this.#baseWorkers + this.#lentWorkers);
    }
    this.#pending.splice(0, applied);
    this.#job.advanceTo(this.#realNs(this.#nowNs));
  }

  /** Time on the real day's clock the job runs on. */
  #realNs(simNs: number): number {
    return simNs * (REAL_DAY_NS / this.#day.input.dayNs);
  }

  #sample(): void {
    for (; this.#nextSampleNs <= this.#nowNs; this.#nextSampleNs += this.#sampleNs) {
      for (const p of this.#pools) {
        const w = windowP99(p.sim.records, this.#nextSampleNs, this.#windowNs);
        pushBounded(p.ttft, w === undefined ? 0 : w.ttftNs / 1e6);
        pushBounded(p.tpot, w === undefined ? 0 : w.tpotNs / 1e6);
      }
    }
  }

  snapshot(): DashboardSnapshot {
    const workloads: WorkloadView[] = [];
    const sloSeries: SeriesView[] = [];
    let met = 0;
    let judged = 0;
    for (const p of this.#pools) {
      const status = p.sim.status();
      const w = windowP99(p.sim.records, p.sim.nowNs, this.#windowNs);
      const gpusPerReplica = p.planned.plan.tp;
      workloads.push({
        name: p.planned.spec.name,
        kind: 'deployment',
        replicas: status.ready + status.starting,
        gpus: (status.ready + status.starting + status.draining) * gpusPerReplica,
        state: `${status.inFlight} in flight, ${p.controller.lentWorkers} GPUs lent`,
        ...(w === undefined ? {} : { ttftP99Ms: w.ttftNs / 1e6, tpotP99Ms: w.tpotNs / 1e6 }),
        ...(p.slo.ttftNs === undefined ? {} : { ttftTargetMs: p.slo.ttftNs / 1e6 }),
        ...(p.slo.tpotNs === undefined ? {} : { tpotTargetMs: p.slo.tpotNs / 1e6 }),
      });
      sloSeries.push({ name: `${p.planned.spec.name} TTFT p99`, unit: 'ms', ...(p.slo.ttftNs === undefined ? {} : { target: p.slo.ttftNs / 1e6 }), values: p.ttft });
      sloSeries.push({ name: `${p.planned.spec.name} TPOT p99`, unit: 'ms', ...(p.slo.tpotNs === undefined ? {} : { target: p.slo.tpotNs / 1e6 }), values: p.tpot });
      met += p.met;
      judged += p.counted;
    }
    const ft = this.#day.input.fineTune;
    const progress = this.#job.progress(this.#realNs(this.#nowNs));
    const workers = this.#baseWorkers + this.#lentWorkers;
    workloads.push({
      name: ft.name,
      kind: 'finetune',
      replicas: workers,
      gpus: workers,
      state: `${progress.stepsDone.toLocaleString('en-US')} steps, ${((progress.stepsDone * ft.globalBatchSeqs * ft.seqLen) / 1e9).toFixed(1)} B tokens, ${progress.restarts} restarts`,
      progress: Math.min(1, this.#nowNs / this.#day.input.dayNs),
    });
    const nodes = this.#grid();
    const total = this.#day.cluster.gpuCount;
    let used = 0;
    for (const n of nodes) for (const g of n.gpus) if (g.workload !== undefined) used++;
    return {
      timeNs: this.#nowNs,
      speed: 0,
      paused: false,
      totals: { gpus: total, used, lent: this.#lentWorkers, free: total - used },
      ...(judged === 0 ? {} : { sloAttainment: met / judged }),
      nodes,
      workloads,
      links: [],
      events: this.#events.events,
      sloSeries,
      title: `a day on ${this.#day.input.cluster.name} (hour ${((this.#nowNs / this.#day.input.dayNs) * 24).toFixed(1)} of 24)`,
      budgetLimited: this.#budgetLimited,
    };
  }

  /** The cluster's GPUs: deployment slots (running on the lowest, lent on the highest), the job's gang. */
  #grid(): NodeView[] {
    const cells = new Map<string, GpuCellView>();
    const ft = this.#day.input.fineTune.name;
    for (const b of this.#day.base.placed) for (const g of b.gpus) cells.set(`${b.node}/gpu${g}`, { workload: ft, allocated: 1, lent: false, priority: 0 });
    for (const p of this.#pools) {
      const status = p.sim.status();
      const held = (status.ready + status.starting + status.draining) * p.planned.plan.tp;
      const slots = p.planned.placement.flatMap((s) => s.gpus.map((g) => `${s.node}/gpu${g}`));
      slots.forEach((id, i) => {
        if (i < held) cells.set(id, { workload: p.planned.spec.name, allocated: 1, lent: false, priority: 1 });
      });
      for (const id of lentSlotGpus(p.planned.placement, p.controller.lentWorkers)) cells.set(id, { workload: ft, allocated: 1, lent: true, priority: 0 });
    }
    return Array.from({ length: this.#day.cluster.nodeCount }, (_, n) => {
      const node = this.#day.cluster.node(n);
      return {
        name: node.name,
        gpuType: this.#day.gpuKey,
        location: `leaf ${node.leaf}`,
        gpus: Array.from({ length: node.gpuCount }, (_, g) => cells.get(`${node.name}/gpu${g}`) ?? { allocated: 0, lent: false }),
      };
    });
  }
}
