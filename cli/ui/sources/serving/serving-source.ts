import { meetsSlo, ServingSimulation, type ServingSlo } from '../../../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../../../fabric-sim/workload/inference-request.js';
import { formatDuration } from '../../format.js';
import type { DashboardSource } from '../../model/source.js';
import type { DashboardSnapshot, GpuCellView, NodeView, SeriesView, WorkloadView } from '../../model/snapshot.js';
import { EventLog, pushBounded, SERIES_LIMIT } from '../event-log.js';
import type { ServingDeploymentPlan } from './serving-scenario.js';
import { windowP99 } from './window-p99.js';

export interface ServingSourceOptions {
  /** Scenario name for the header. */
  name?: string;
  seed?: number;
  /** Rolling window of the p99 figures, simulated ns. */
  windowNs?: number;
  /** Sparkline sample period, simulated ns. */
  sampleNs?: number;
  gpusPerNode?: number;
  /** Engine events one `advance` may fire at most, over all deployments. */
  maxEventsPerSlice?: number;
}

export const DEFAULT_SERVING_EVENTS_PER_SLICE = 40_000;

type Metric = 'TTFT' | 'TPOT';

interface Running {
  plan: ServingDeploymentPlan;
  sim: ServingSimulation;
  requests: Iterator<InferenceRequest>;
  next: InferenceRequest | undefined;
  idle: boolean;
  /** Sparkline values per metric, ms. */
  series: Record<Metric, number[]>;
  violating: Record<Metric, boolean>;
  ready: number;
  starting: number;
  /** Records already counted towards attainment. */
  counted: number;
  met: number;
}

const TARGET_NS: Record<Metric, (slo: ServingSlo) => number | undefined> = { TTFT: (s) => s.ttftNs, TPOT: (s) => s.tpotNs };

/**
 * The dashboard over serving deployments simulated side by side on one clock, each in bounded
 * slices: the workloads table shows each deployment's p99 TTFT and TPOT over the rolling window
 * against its SLO, the sparklines the same p99s sampled every `sampleNs` of simulated time, and
 * the event log every crossing of a target (violation, and recovery). SLO attainment in the
 * header is the share of finished requests that met all their deployment's targets.
 */
export class ServingScenarioSource implements DashboardSource {
  readonly #running: Running[];
  readonly #name: string;
  readonly #windowNs: number;
  readonly #sampleNs: number;
  readonly #gpusPerNode: number;
  readonly #maxEvents: number;
  readonly #events = new EventLog();
  #nowNs = 0;
  #nextSampleNs: number;
  #finished = false;
  #budgetLimited = false;

  constructor(plans: readonly ServingDeploymentPlan[], options: ServingSourceOptions = {}) {
    if (plans.length === 0) throw new RangeError('ServingScenarioSource: no deployments');
    this.#name = options.name ?? 'serving';
    this.#windowNs = options.windowNs ?? 30e9;
    this.#sampleNs = options.sampleNs ?? 1e9;
    this.#gpusPerNode = options.gpusPerNode ?? 8;
    this.#maxEvents = options.maxEventsPerSlice ?? DEFAULT_SERVING_EVENTS_PER_SLICE;
    this.#nextSampleNs = this.#sampleNs;
    this.#running = plans.map((plan, i) => {
      const requests = plan.requests[Symbol.iterator]();
      const first = requests.next();
      const controller = plan.controller?.();
      const sim = new ServingSimulation(plan.config, { seed: (options.seed ?? 1) + i, ...(controller === undefined ? {} : { controller }) });
      const running: Running = {
        plan,
        sim,
        requests,
        next: first.done === true ? undefined : first.value,
        idle: false,
        series: { TTFT: [], TPOT: [] },
        violating: { TTFT: false, TPOT: false },
        ready: sim.status().ready,
        starting: 0,
        counted: 0,
        met: 0,
      };
      this.#events.push({ timeNs: 0, kind: 'placement', message: `${plan.name}: ${running.ready} replica${running.ready === 1 ? '' : 's'} of ${plan.description}` });
      return running;
    });
  }

  /** The simulation of each deployment (tests compare them with whole runs). */
  get simulations(): readonly ServingSimulation[] {
    return this.#running.map((r) => r.sim);
  }

  advance(wallMs: number, speed: number): boolean {
    if (this.#finished) return false;
    const targetNs = this.#nowNs + wallMs * 1e6 * speed;
    const budget = Math.max(1_000, Math.floor(this.#maxEvents / this.#running.length));
    let reachedNs = targetNs;
    this.#budgetLimited = false;
    for (const r of this.#running) {
      if (!r.idle && !this.#advanceOne(r, Math.max(targetNs, r.sim.nowNs), budget)) this.#budgetLimited = true;
      // An idle deployment is done: it does not hold the shared clock back.
      reachedNs = Math.min(reachedNs, r.idle ? Infinity : r.sim.nowNs);
    }
    this.#finished = this.#running.every((r) => r.idle);
    this.#nowNs = this.#finished ? Math.max(...this.#running.map((r) => r.sim.nowNs)) : reachedNs;
    this.#sample();
    for (const r of this.#running) this.#observe(r);
    if (this.#finished) this.#events.push({ timeNs: this.#nowNs, kind: 'info', message: 'simulation ended: every request finished' });
    return !this.#finished;
  }

  /** Feeds arrivals up to `targetNs` and runs to it within `budget` events; false when the budget ran out first. */
  #advanceOne(r: Running, targetNs: number, budget: number): boolean {
    const start = r.sim.eventsProcessed;
    for (;;) {
      const left = budget - (r.sim.eventsProcessed - start);
      if (left <= 0) return false;
      const next = r.next;
      const untilNs = next === undefined ? targetNs : Math.min(targetNs, next.arrivalNs);
      const outcome = r.sim.runUntil(untilNs, left);
      if (outcome === 'stopped') return false;
      if (next === undefined) {
        r.sim.close();
        // Closed and nothing pending: every request has finished.
        if (outcome === 'idle') r.idle = true;
        return true;
      }
      if (next.arrivalNs > targetNs) return true;
      r.sim.arrive(next);
      const following = r.requests.next();
      r.next = following.done === true ? undefined : following.value;
    }
  }

  /** Sparkline points at every sample time the clock passed (the newest SERIES_LIMIT of them). */
  #sample(): void {
    const due = Math.floor((this.#nowNs - this.#nextSampleNs) / this.#sampleNs) + 1;
    if (due <= 0) return;
    if (due > SERIES_LIMIT) this.#nextSampleNs += (due - SERIES_LIMIT) * this.#sampleNs;
    for (; this.#nextSampleNs <= this.#nowNs; this.#nextSampleNs += this.#sampleNs) {
      const atNs = this.#nextSampleNs;
      for (const r of this.#running) {
        const p99 = windowP99(r.sim.records, atNs, this.#windowNs);
        for (const metric of ['TTFT', 'TPOT'] as const) {
          const valueNs = p99 === undefined ? undefined : metric === 'TTFT' ? p99.ttftNs : p99.tpotNs;
          pushBounded(r.series[metric], valueNs === undefined ? 0 : valueNs / 1e6);
          this.#checkTarget(r, metric, valueNs, atNs);
        }
      }
    }
  }

  /** A violation event when a windowed p99 goes over its target, an info event when it comes back. */
  #checkTarget(r: Running, metric: Metric, valueNs: number | undefined, atNs: number): void {
    const targetNs = TARGET_NS[metric](r.plan.config.slo ?? {});
    if (targetNs === undefined || valueNs === undefined) return;
    const over = valueNs > targetNs;
    if (over === r.violating[metric]) return;
    r.violating[metric] = over;
    const window = formatDuration(this.#windowNs);
    this.#events.push(
      over
        ? { timeNs: atNs, kind: 'violation', message: `${r.plan.name} ${metric} p99 ${ms(valueNs)} > ${ms(targetNs)} over the last ${window}` }
        : { timeNs: atNs, kind: 'info', message: `${r.plan.name} ${metric} p99 back to ${ms(valueNs)} <= ${ms(targetNs)}` },
    );
  }

  /** Attainment counters and replica changes. */
  #observe(r: Running): void {
    const records = r.sim.records;
    const slo = r.plan.config.slo ?? {};
    for (; r.counted < records.length; r.counted++) if (meetsSlo(records[r.counted]!, slo)) r.met++;
    const { ready, starting } = r.sim.status();
    const at = r.sim.nowNs;
    if (starting > r.starting) {
      this.#events.push({ timeNs: at, kind: 'scale-up', message: `${r.plan.name}: ${starting - r.starting} replica${starting - r.starting === 1 ? '' : 's'} loading the model (${ready} ready)` });
    }
    if (ready > r.ready) this.#events.push({ timeNs: at, kind: 'placement', message: `${r.plan.name}: ${r.ready} -> ${ready} replicas ready` });
    if (ready < r.ready) this.#events.push({ timeNs: at, kind: 'scale-down', message: `${r.plan.name}: ${r.ready} -> ${ready} replicas (draining)` });
    r.ready = ready;
    r.starting = starting;
  }

  snapshot(): DashboardSnapshot {
    const workloads: WorkloadView[] = [];
    const series: SeriesView[] = [];
    let met = 0;
    let judged = 0;
    for (const r of this.#running) {
      const status = r.sim.status();
      const replicas = status.ready + status.starting;
      const p99 = windowP99(r.sim.records, r.sim.nowNs, this.#windowNs);
      const slo = r.plan.config.slo ?? {};
      workloads.push({
        name: r.plan.name,
        kind: 'deployment',
        replicas,
        gpus: replicas * r.plan.gpusPerReplica,
        state: r.idle ? `Done (${r.sim.records.length} served)` : `${status.inFlight} in flight`,
        ...(p99 === undefined ? {} : { ttftP99Ms: p99.ttftNs / 1e6, tpotP99Ms: p99.tpotNs / 1e6 }),
        ...(slo.ttftNs === undefined ? {} : { ttftTargetMs: slo.ttftNs / 1e6 }),
        ...(slo.tpotNs === undefined ? {} : { tpotTargetMs: slo.tpotNs / 1e6 }),
      });
      for (const metric of ['TTFT', 'TPOT'] as const) {
        const targetNs = TARGET_NS[metric](slo);
        series.push({ name: `${r.plan.name} ${metric} p99`, unit: 'ms', ...(targetNs === undefined ? {} : { target: targetNs / 1e6 }), values: r.series[metric] });
      }
      if (slo.ttftNs !== undefined || slo.tpotNs !== undefined || slo.e2eNs !== undefined) {
        met += r.met;
        judged += r.counted;
      }
    }
    const { nodes, used } = this.#grid();
    const gpus = nodes.length * this.#gpusPerNode;
    return {
      timeNs: this.#nowNs,
      speed: 0,
      paused: false,
      totals: { gpus, used, lent: 0, free: gpus - used },
      ...(judged === 0 ? {} : { sloAttainment: met / judged }),
      nodes,
      workloads,
      links: [],
      events: this.#events.events,
      sloSeries: series,
      title: this.#name,
      budgetLimited: this.#budgetLimited,
    };
  }

  /**
   * Each deployment's replicas on nodes of its own (`chat-n0`, `chat-n1`, ...), `gpusPerReplica`
   * GPUs each, in order; GPUs of replicas below the configured count show free.
   */
  #grid(): { nodes: NodeView[]; used: number } {
    const nodes: NodeView[] = [];
    let used = 0;
    for (const r of this.#running) {
      const status = r.sim.status();
      const held = (status.ready + status.starting + status.draining) * r.plan.gpusPerReplica;
      const shown = Math.max(held, (r.plan.config.replicas ?? 1) * r.plan.gpusPerReplica);
      used += held;
      for (let n = 0; n * this.#gpusPerNode < shown; n++) {
        const gpus: GpuCellView[] = [];
        for (let g = n * this.#gpusPerNode; g < (n + 1) * this.#gpusPerNode; g++) {
          gpus.push(g < held ? { workload: r.plan.name, allocated: 1, lent: false, priority: 0 } : { allocated: 0, lent: false });
        }
        nodes.push({ name: `${r.plan.name}-n${n}`, gpuType: r.plan.config.deployment.gpu.name, location: '-', gpus });
      }
    }
    return { nodes, used };
  }
}

function ms(ns: number): string {
  return `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 1)} ms`;
}
