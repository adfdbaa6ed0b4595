import { ServingSimulation } from '../../fabric-sim/serving/index.js';
import type { RequestRecord } from '../../fabric-sim/serving/index.js';
import { efficiencyFor, getGpu, getModel, kvCapacity, makeDeployment, nvlinkAlphaBetaCollectives, type Deployment } from '../../gpu-model/index.js';
import { DEFAULT_ENGINE_LIMITS, ReplicaModel, resampledStream, type LoadProfile, type SloTargets } from '../../scheduler/planner/index.js';
import { checkSlo, tpotNs } from '../../scheduler/slo/slo-check.js';
import type { DeploymentRecord } from './job-replay.js';
import type { ServingShape } from './replay-job.js';

/**
 * SLO attainment of the serving deployments of a job replay. The replay decides when and on
 * which GPUs each deployment ran (job-replay.ts: `DeploymentRecord.served`); this module gives
 * it a request stream and simulates it through its replicas with the serving simulation
 * (fabric-sim/serving: continuous batching, chunked prefill, paged KV cache, least-outstanding
 * routing, gpu-model step costs), then checks each request with scheduler/slo `checkSlo`.
 *
 * The model:
 * - Demand. A deployment receives Poisson requests at `ratePerReplica x replicas` from its
 *   arrival to the end of its recorded lifetime, with prompt and output lengths drawn from
 *   `lengths` (planner/verify `resampledStream`), or, when it names a request stream the trace
 *   carries (and no rate is forced), at that stream's mean rate with its lengths. Requests that arrive while it is not running
 *   (waiting for GPUs, or preempted) are not served: they count against attainment.
 * - Default rate per replica: `DEFAULT_LOAD_FRACTION` of the replica's capacity on the reference
 *   GPU, where capacity is the highest rate at which the planner's `ReplicaModel` screen predicts
 *   the deployment's p99 targets met, at a predicted utilisation of at most 0.8 (the planner's
 *   limit), with vLLM's default engine limits (`DEFAULT_ENGINE_LIMITS`). The demand is the service's, so it does not depend on where the replay
 *   puts it: a slower GPU serves the same rate worse. A replica that does not fit the reference
 *   GPU gets `FALLBACK_RATE_PER_REPLICA`.
 * - Bounded simulation. Every interval a deployment ran starts with empty replicas, so the
 *   first n requests of a simulation from empty are exactly an interval of n requests. Each
 *   configuration (model, GPU, GPUs per replica, replicas, rate) is simulated once over a window
 *   of `windowRequests` requests (at least `MIN_REQUESTS_PER_REPLICA` per replica). When the
 *   window is stationary (the mean TTFT of its last quarter is at most `STATIONARY_RATIO` x that
 *   of its second) and the planner's `ReplicaModel` screen predicts a steady state for the rate
 *   on that GPU (feasible: within max_num_seqs, the step budget, the KV cache and a prefill lane
 *   below saturation), serving under that configuration has a steady state: the window after its
 *   first `WARMUP_FRACTION` stands for every interval, however long. When it is not (the
 *   replicas cannot keep up: queues grow), the configuration is simulated again over as many
 *   requests as its longest interval, capped at `MAX_WINDOW_REQUESTS`, and each interval takes
 *   its own first n requests; requests past the cap take the attainment of the last quarter
 *   simulated (an upper bound: the backlog keeps growing). The stream's seed is derived from the
 *   replay's seed and the configuration, never from the order of evaluation, so results are the
 *   same whatever ran first (and after a checkpoint resume). serving-slo.test.ts checks the
 *   window against simulating every request of a lifetime, below and above capacity.
 * - A replica that does not fit the GPU it was placed on (weights plus KV cache) serves nothing.
 */

/** Default demand: this fraction of a replica's SLO capacity on the reference GPU. */
export const DEFAULT_LOAD_FRACTION = 0.5;
/** Demand of a replica that does not fit the reference GPU, requests per second. */
export const FALLBACK_RATE_PER_REPLICA = 1;
/** Highest predicted utilisation counted as capacity (the planner's default `maxUtilisation`). */
const CAPACITY_UTILISATION = 0.8;
export const DEFAULT_WINDOW_REQUESTS = 2000;
const MIN_REQUESTS_PER_REPLICA = 200;
export const MAX_WINDOW_REQUESTS = 40_000;
const WARMUP_FRACTION = 0.1;
const STATIONARY_RATIO = 1.5;
/** Targets of deployments whose trace row and `--slo` give none (interactive chat; an assumption). */
export const DEFAULT_SLO: SloTargets = { ttftP99Ns: 1e9, tpotP99Ns: 100e6 };

export interface InferenceReplayOptions {
  /** Prompt and output lengths of the requests (its rate is not used). */
  readonly lengths: LoadProfile;
  /** Requests per second per replica; undefined: the default derived from the model (above). */
  readonly ratePerReplica?: number;
  /** Targets for what a deployment's trace row does not give (row targets win). Default DEFAULT_SLO. */
  readonly slo?: SloTargets;
  /** Requests per simulated window. Default DEFAULT_WINDOW_REQUESTS. */
  readonly windowRequests?: number;
  /** How the load was given, for the report. */
  readonly loadDescription: string;
}

/** One deployment's outcome. Times in s, latencies in ms; p99s over the requests it served (null when it served none). */
export interface DeploymentSlo {
  readonly id: string;
  readonly model: string;
  readonly replicas: number;
  readonly gpusPerReplica: number;
  /** GPUs it ran on, in order ('' when it never ran). */
  readonly gpuTypes: string;
  readonly arrivalS: number;
  readonly lifetimeS: number;
  /** First start minus arrival (the lifetime when it never ran). */
  readonly waitS: number;
  readonly preemptions: number;
  readonly ratePerReplica: number;
  /** Requests of its lifetime (rate x lifetime, rounded). */
  readonly requests: number;
  /** Share of its lifetime it ran (and of its requests it served). */
  readonly servedFraction: number;
  /** Share of its requests that met every target (unserved ones did not). */
  readonly requestAttainment: number;
  readonly ttftTargetMs: number | null;
  readonly tpotTargetMs: number | null;
  readonly ttftP99Ms: number | null;
  readonly tpotP99Ms: number | null;
  /** Served at least 99% of its requests, and its p99s over them met the targets. */
  readonly meetsSlo: boolean;
  /** Why it could never be placed ('' when it could), or why a placement served nothing. */
  readonly note: string;
}

/** The inference section of a replay report. */
export interface InferenceReport {
  readonly load: string;
  readonly deployments: number;
  /** Deployments that ran at some point / that never got their GPUs in their lifetime / that can never be placed. */
  readonly ran: number;
  readonly neverRan: number;
  readonly unplaceable: number;
  readonly meetingSlo: number;
  readonly requests: number;
  readonly servedFraction: number;
  /** Requests that met every target / all requests of all deployments. */
  readonly requestAttainment: number;
  /** p99s over every served request of every deployment, ms (null when none was served). */
  readonly ttftP99Ms: number | null;
  readonly tpotP99Ms: number | null;
  readonly simulatedConfigurations: number;
  readonly simulatedRequests: number;
  readonly perDeployment: readonly DeploymentSlo[];
}

/** The simulation of one configuration. */
interface Window {
  /** Every record, by arrival index; empty when the replica does not fit the GPU. */
  readonly records: readonly RequestRecord[];
  /** A steady state exists: the records after the warm-up stand for any interval. */
  readonly stationary: boolean;
  readonly warmup: number;
  readonly note: string;
  readonly simulated: number;
}

/** What an interval gets from a window. */
interface Share {
  /** The interval stands for records [from, to) of the window. */
  readonly from: number;
  readonly to: number;
  /** Requests past the simulated ones (non-stationary windows only), attaining as the last quarter simulated. */
  readonly beyond: number;
  /** Requests of [from, to) meeting every target, and of the last quarter. */
  readonly attainment: number;
  readonly tailAttainment: number;
  readonly ttftP99Ns: number;
  readonly tpotP99Ns: number;
}

/** Per SLO: prefix sums of the requests meeting every target, in arrival order. */
type MeetsPrefix = Int32Array;

/** Whether a request met every target (as `checkSlo`'s request attainment counts it). */
function meetsEvery(r: RequestRecord, slo: SloTargets): boolean {
  return (
    (slo.ttftP99Ns === undefined || r.firstTokenNs - r.arrivalNs <= slo.ttftP99Ns) &&
    (slo.tpotP99Ns === undefined || tpotNs(r) <= slo.tpotP99Ns) &&
    (slo.e2eP99Ns === undefined || r.finishNs - r.arrivalNs <= slo.e2eP99Ns)
  );
}

/** Prefix lengths at which a non-stationary window's p99s are computed: 16 per factor of 2 (an interval takes the nearest). */
function gridPrefix(n: number, length: number): number {
  if (n >= length) return length;
  return Math.min(length, Math.max(1, Math.round(2 ** (Math.round(16 * Math.log2(n)) / 16))));
}

/** Mean TTFT of records, ns. */
function meanTtftNs(records: readonly RequestRecord[]): number {
  return records.reduce((s, r) => s + r.firstTokenNs - r.arrivalNs, 0) / Math.max(1, records.length);
}

function sortedOf(records: readonly RequestRecord[], pick: (r: RequestRecord) => number): Float64Array {
  return Float64Array.from(records, pick).sort();
}

const ttftOf = (r: RequestRecord): number => r.firstTokenNs - r.arrivalNs;

/** FNV-1a of a string: a stable per-configuration seed component. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Where a deployment's requests come from: lengths, rate per replica and what they are (the trace's stream id, or '' for the replay's load). */
interface DeploymentLoad {
  readonly lengths: LoadProfile;
  readonly ratePerReplica: number;
  readonly source: string;
  readonly note: string;
}

function configKey(shape: ServingShape, gpu: string, load: DeploymentLoad): string {
  return `${shape.model}|${gpu}|${shape.gpusPerReplica}|${shape.replicas}|${load.ratePerReplica}|${load.source}`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function p99(sorted: Float64Array): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.99 * sorted.length) - 1))]!;
}

/** The targets of a deployment: its trace row's, else the option's, else DEFAULT_SLO. */
export function deploymentSlo(shape: ServingShape, fallback: SloTargets = DEFAULT_SLO): SloTargets {
  const ttft = shape.ttftP99Ns > 0 ? shape.ttftP99Ns : fallback.ttftP99Ns;
  const tpot = shape.tpotP99Ns > 0 ? shape.tpotP99Ns : fallback.tpotP99Ns;
  return { ...(ttft === undefined ? {} : { ttftP99Ns: ttft }), ...(tpot === undefined ? {} : { tpotP99Ns: tpot }), ...(fallback.e2eP99Ns === undefined ? {} : { e2eP99Ns: fallback.e2eP99Ns }) };
}

/**
 * A replica's capacity on `gpu`, requests per second: the highest rate at which the planner's
 * screen predicts the targets met at utilisation at most 0.8 (bisection; the prediction rises
 * with the rate). Undefined when the replica does not fit or misses the targets even unloaded.
 */
export function replicaCapacity(model: string, gpu: string, gpusPerReplica: number, lengths: LoadProfile, slo: SloTargets): number | undefined {
  const g = getGpu(gpu);
  if (gpusPerReplica > Math.max(1, g.nvlinkDomainSize)) return undefined;
  const deployment = makeDeployment({ model: getModel(model), gpu: g, tp: gpusPerReplica });
  const screen = new ReplicaModel(deployment, nvlinkAlphaBetaCollectives(g), efficiencyFor(g.name), DEFAULT_ENGINE_LIMITS);
  const ok = (rate: number): boolean => {
    const p = screen.predict(rate, lengths);
    return (
      p.feasible && p.utilisation <= CAPACITY_UTILISATION &&
      (slo.ttftP99Ns === undefined || p.ttftP99Ns <= slo.ttftP99Ns) &&
      (slo.tpotP99Ns === undefined || p.tpotP99Ns <= slo.tpotP99Ns) &&
      (slo.e2eP99Ns === undefined || p.e2eP99Ns <= slo.e2eP99Ns)
    );
  };
  let low = 1e-3;
  if (!ok(low)) return undefined;
  let high = 1;
  while (ok(high) && high < 1e6) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 40 && high - low > 1e-3 * low; i++) {
    const mid = (low + high) / 2;
    if (ok(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** Evaluates the deployments of a replay (deterministic for the records, options and seed). */
export class ServingEvaluator {
  readonly #options: InferenceReplayOptions;
  readonly #seed: number;
  readonly #referenceGpu: string;
  readonly #windows = new Map<string, Window>();
  readonly #rates = new Map<string, number>();
  readonly #cache = new Map<Window, { steady: Map<string, Share>; meets: Map<string, MeetsPrefix>; p99s: Map<number, [number, number]> }>();

  readonly #streams: Readonly<Record<string, LoadProfile>>;

  /** `streams`: the trace's request streams by id (`LoadedJobTrace.requestStreams`). */
  constructor(options: InferenceReplayOptions, referenceGpu: string, seed: number, streams: Readonly<Record<string, LoadProfile>> = {}) {
    const w = options.windowRequests ?? DEFAULT_WINDOW_REQUESTS;
    if (!Number.isInteger(w) || w < 10) throw new RangeError(`windowRequests must be an integer >= 10, got ${String(w)}`);
    if (options.ratePerReplica !== undefined && !(options.ratePerReplica > 0)) throw new RangeError(`ratePerReplica must be > 0, got ${String(options.ratePerReplica)}`);
    this.#options = options;
    this.#referenceGpu = referenceGpu;
    this.#seed = seed;
    this.#streams = streams;
  }

  /**
   * A deployment's requests: the replay's load when it sets a rate (`--inference-load`: a what-if
   * over the whole trace), else the trace's request stream the deployment names (its rate over
   * the deployment's replicas, its lengths), else the default derived from the model.
   */
  load(shape: ServingShape): DeploymentLoad {
    const o = this.#options;
    if (o.ratePerReplica !== undefined) return { lengths: o.lengths, ratePerReplica: o.ratePerReplica, source: '', note: '' };
    if (shape.requestStream !== '') {
      const stream = this.#streams[shape.requestStream];
      if (stream !== undefined) return { lengths: stream, ratePerReplica: round6(stream.requestsPerSec / shape.replicas), source: `stream:${shape.requestStream}`, note: '' };
      return { lengths: o.lengths, ratePerReplica: this.#defaultRate(shape), source: '', note: `request stream "${shape.requestStream}" is not in the trace: the default load` };
    }
    return { lengths: o.lengths, ratePerReplica: this.#defaultRate(shape), source: '', note: '' };
  }

  /** Requests per second per replica of a deployment. */
  ratePerReplica(shape: ServingShape): number {
    return this.load(shape).ratePerReplica;
  }

  #defaultRate(shape: ServingShape): number {
    const slo = deploymentSlo(shape, this.#options.slo);
    const key = `${shape.model}|${shape.gpusPerReplica}|${slo.ttftP99Ns ?? ''}|${slo.tpotP99Ns ?? ''}|${slo.e2eP99Ns ?? ''}`;
    let rate = this.#rates.get(key);
    if (rate === undefined) {
      const capacity = replicaCapacity(shape.model, this.#referenceGpu, shape.gpusPerReplica, this.#options.lengths, slo);
      rate = capacity === undefined ? FALLBACK_RATE_PER_REPLICA : round6(DEFAULT_LOAD_FRACTION * capacity);
      this.#rates.set(key, rate);
    }
    return rate;
  }

  /** Requests of the first window of a configuration. */
  #windowCount(replicas: number): number {
    return Math.min(MAX_WINDOW_REQUESTS, Math.max(this.#options.windowRequests ?? DEFAULT_WINDOW_REQUESTS, MIN_REQUESTS_PER_REPLICA * replicas));
  }

  #simulate(deployment: Deployment, replicas: number, load: DeploymentLoad, count: number, seed: number): RequestRecord[] {
    const stream = resampledStream({ ...load.lengths, requestsPerSec: load.ratePerReplica * replicas }, count, seed);
    const sim = new ServingSimulation({ deployment, replicas }, { seed });
    for (const request of stream) sim.arrive(request);
    return [...sim.finish().records].sort((a, b) => a.id - b.id);
  }

  /**
   * The simulation of a configuration (memoised): the window, and when it is not stationary a
   * simulation over `neededRequests` (the longest interval run on it), at most MAX_WINDOW_REQUESTS.
   */
  window(shape: ServingShape, gpu: string, load: DeploymentLoad, neededRequests: number): Window {
    const { model, gpusPerReplica, replicas } = shape;
    const ratePerReplica = load.ratePerReplica;
    const key = configKey(shape, gpu, load);
    const memo = this.#windows.get(key);
    if (memo !== undefined) return memo;
    const g = getGpu(gpu);
    const deployment = makeDeployment({ model: getModel(model), gpu: g, tp: gpusPerReplica });
    const fits = kvCapacity(deployment, { maxBatchedTokens: DEFAULT_ENGINE_LIMITS.maxBatchedTokens, maxSequences: DEFAULT_ENGINE_LIMITS.maxSequences });
    let result: Window;
    if (gpusPerReplica > Math.max(1, g.nvlinkDomainSize)) {
      result = { records: [], stationary: true, warmup: 0, note: `${gpusPerReplica} GPUs per replica exceed the NVLink domain of ${gpu} (${g.nvlinkDomainSize})`, simulated: 0 };
    } else if (!fits.fits) {
      result = { records: [], stationary: true, warmup: 0, note: `${model} does not fit ${gpusPerReplica} x ${gpu}`, simulated: 0 };
    } else {
      const seed = (Math.imul(this.#seed >>> 0, 0x9e3779b1) ^ hash32(key)) >>> 0;
      let count = this.#windowCount(replicas);
      let records = this.#simulate(deployment, replicas, load, count, seed);
      const warmup = Math.floor(WARMUP_FRACTION * count);
      const steady = records.slice(warmup);
      const quarter = Math.floor(steady.length / 4);
      // A slow drift can hide in a short window: the planner's screen must also predict a steady state on this GPU.
      const screen = new ReplicaModel(deployment, nvlinkAlphaBetaCollectives(g), efficiencyFor(g.name), DEFAULT_ENGINE_LIMITS).predict(ratePerReplica, load.lengths, replicas);
      const stationary = screen.feasible && meanTtftNs(steady.slice(3 * quarter)) <= STATIONARY_RATIO * meanTtftNs(steady.slice(quarter, 2 * quarter));
      let simulated = count;
      if (!stationary && neededRequests > count) {
        count = Math.min(MAX_WINDOW_REQUESTS, Math.ceil(neededRequests));
        records = this.#simulate(deployment, replicas, load, count, seed);
        simulated += count;
      }
      result = { records, stationary, warmup, note: '', simulated };
    }
    this.#windows.set(key, result);
    return result;
  }

  /**
   * The records standing for an interval of `requests` requests under `slo`: for a stationary
   * window every record after the warm-up (`checkSlo` of them), for another its first `requests`
   * records (an interval starts with empty replicas, as the simulation does): their attainment
   * exactly (prefix sums of `checkSlo`'s per-request test), their p99s those of the nearest
   * prefix on a log grid (memoised).
   */
  #share(w: Window, requests: number, slo: SloTargets): Share {
    const sloKey = `${slo.ttftP99Ns ?? ''}|${slo.tpotP99Ns ?? ''}|${slo.e2eP99Ns ?? ''}`;
    let cache = this.#cache.get(w);
    if (cache === undefined) this.#cache.set(w, (cache = { steady: new Map(), meets: new Map(), p99s: new Map() }));
    const length = w.records.length;
    if (w.stationary) {
      let steady = cache.steady.get(sloKey);
      if (steady === undefined) {
        const check = checkSlo(w.records.slice(w.warmup), slo);
        steady = { from: w.warmup, to: length, beyond: 0, attainment: check.requestAttainment, tailAttainment: 0, ttftP99Ns: check.overall.ttft.p99Ns, tpotP99Ns: check.overall.tpot.p99Ns };
        cache.steady.set(sloKey, steady);
      }
      return steady;
    }
    let meets = cache.meets.get(sloKey);
    if (meets === undefined) {
      meets = new Int32Array(w.records.length + 1);
      for (let k = 0; k < w.records.length; k++) meets[k + 1] = meets[k]! + (meetsEvery(w.records[k]!, slo) ? 1 : 0);
      cache.meets.set(sloKey, meets);
    }
    const from = 0;
    const to = Math.max(1, Math.min(length, Math.round(requests)));
    const beyond = Math.max(0, requests - length);
    const p99Key = gridPrefix(to, length);
    let p99s = cache.p99s.get(p99Key);
    if (p99s === undefined) {
      const records = w.records.slice(0, p99Key);
      p99s = [p99(sortedOf(records, ttftOf)), p99(sortedOf(records, tpotNs))];
      cache.p99s.set(p99Key, p99s);
    }
    const tailFrom = Math.floor((3 * length) / 4);
    return {
      from, to, beyond,
      attainment: (meets[to]! - meets[from]!) / (to - from),
      tailAttainment: (meets[length]! - meets[tailFrom]!) / Math.max(1, length - tailFrom),
      ttftP99Ns: p99s[0],
      tpotP99Ns: p99s[1],
    };
  }

  /** The inference section of the report for the deployments a replay recorded. */
  report(deployments: readonly DeploymentRecord[]): InferenceReport {
    const ordered = [...deployments].sort((a, b) => a.index - b.index);
    const perDeployment: DeploymentSlo[] = [];
    let requests = 0;
    let served = 0;
    let attained = 0;
    /** Records standing for served intervals and how many requests they stand for: the overall p99s are of this mixture. */
    const mixture = new Map<Window, Float64Array>();
    // The longest interval of each configuration: a non-stationary one is simulated that far.
    const needed = new Map<string, number>();
    for (const d of ordered) {
      const load = this.load(d.serving);
      for (const [startNs, endNs, gpu] of d.served) {
        const key = configKey(d.serving, gpu, load);
        needed.set(key, Math.max(needed.get(key) ?? 0, (load.ratePerReplica * d.serving.replicas * (endNs - startNs)) / 1e9));
      }
    }
    for (const d of ordered) {
      const shape = d.serving;
      const slo = deploymentSlo(shape, this.#options.slo);
      const load = this.load(shape);
      const rate = load.ratePerReplica;
      const perSecond = rate * shape.replicas;
      const total = (perSecond * shape.lifetimeNs) / 1e9;
      let servedHere = 0;
      let attainedHere = 0;
      let ttftP99: number | null = null;
      let tpotP99: number | null = null;
      const notes = new Set<string>();
      if (d.unplaceable !== '') notes.add(d.unplaceable);
      if (load.note !== '') notes.add(load.note);
      for (const [startNs, endNs, gpu] of d.served) {
        const count = (perSecond * (endNs - startNs)) / 1e9;
        const w = this.window(shape, gpu, load, needed.get(configKey(shape, gpu, load)) ?? count);
        servedHere += count;
        if (w.records.length === 0) {
          notes.add(w.note);
          continue;
        }
        const share = this.#share(w, count, slo);
        attainedHere += (count - share.beyond) * share.attainment + share.beyond * share.tailAttainment;
        ttftP99 = Math.max(ttftP99 ?? 0, share.ttftP99Ns);
        tpotP99 = Math.max(tpotP99 ?? 0, share.tpotP99Ns);
        // Each record of [from, to) stands for count / (to - from) requests: a difference array per window.
        let weights = mixture.get(w);
        if (weights === undefined) mixture.set(w, (weights = new Float64Array(w.records.length + 1)));
        weights[share.from]! += count / (share.to - share.from);
        weights[share.to]! -= count / (share.to - share.from);
      }
      const servedFraction = total > 0 ? servedHere / total : 0;
      const meets =
        servedFraction >= 0.99 && ttftP99 !== null && tpotP99 !== null &&
        (slo.ttftP99Ns === undefined || ttftP99 <= slo.ttftP99Ns) && (slo.tpotP99Ns === undefined || tpotP99 <= slo.tpotP99Ns);
      const firstStart = d.served[0]?.[0];
      perDeployment.push({
        id: d.id,
        model: shape.model,
        replicas: shape.replicas,
        gpusPerReplica: shape.gpusPerReplica,
        gpuTypes: [...new Set(d.served.map((s) => s[2]))].join('+'),
        arrivalS: round6(d.arrivalNs / 1e9),
        lifetimeS: round6(shape.lifetimeNs / 1e9),
        waitS: round6(((firstStart ?? d.arrivalNs + shape.lifetimeNs) - d.arrivalNs) / 1e9),
        preemptions: d.preemptions,
        ratePerReplica: rate,
        requests: Math.round(total),
        servedFraction: round6(servedFraction),
        requestAttainment: round6(total > 0 ? attainedHere / total : 1),
        ttftTargetMs: slo.ttftP99Ns === undefined ? null : round6(slo.ttftP99Ns / 1e6),
        tpotTargetMs: slo.tpotP99Ns === undefined ? null : round6(slo.tpotP99Ns / 1e6),
        ttftP99Ms: ttftP99 === null ? null : round6(ttftP99 / 1e6),
        tpotP99Ms: tpotP99 === null ? null : round6(tpotP99 / 1e6),
        meetsSlo: meets,
        note: [...notes].join('; '),
      });
      requests += total;
      served += servedHere;
      attained += attainedHere;
    }
    const mixtureP99 = (pick: (r: RequestRecord) => number): number | null => {
      const points: [number, number][] = [];
      let weight = 0;
      for (const [w, differences] of mixture) {
        let each = 0;
        for (let k = 0; k < w.records.length; k++) {
          each += differences[k]!;
          if (each > 1e-12) {
            points.push([pick(w.records[k]!), each]);
            weight += each;
          }
        }
      }
      if (points.length === 0) return null;
      points.sort((a, b) => a[0] - b[0]);
      let cumulative = 0;
      for (const [v, each] of points) {
        cumulative += each;
        if (cumulative >= 0.99 * weight) return round6(v / 1e6);
      }
      return round6(points.at(-1)![0] / 1e6);
    };
    const windows = [...this.#windows.values()];
    return {
      load: this.#options.loadDescription,
      deployments: ordered.length,
      ran: ordered.filter((d) => d.served.length > 0).length,
      neverRan: ordered.filter((d) => d.served.length === 0 && d.unplaceable === '').length,
      unplaceable: ordered.filter((d) => d.unplaceable !== '').length,
      meetingSlo: perDeployment.filter((d) => d.meetsSlo).length,
      requests: Math.round(requests),
      servedFraction: round6(requests > 0 ? served / requests : 0),
      requestAttainment: round6(requests > 0 ? attained / requests : 1),
      ttftP99Ms: mixtureP99(ttftOf),
      tpotP99Ms: mixtureP99(tpotNs),
      simulatedConfigurations: windows.filter((w) => w.simulated > 0).length,
      simulatedRequests: windows.reduce((s, w) => s + w.simulated, 0),
      perDeployment,
    };
  }
}
