import { KpaPolicy, SloPolicy, type ScalingPolicy } from '../../scheduler/index.js';
import type { ConditionInput } from '../conditions.js';
import type { LatencyStatus, PodObject } from '../kube/objects.js';
import type { ValidAutoscaling, ValidModelDeployment } from '../model-deployment/validate.js';
import type { Predictor } from '../planning/replica-plan.js';
import { LatencyWindow, ttftAttainment } from './latency-window.js';
import { scrapeVllm, type VllmSnapshot } from './vllm-scrape.js';

/** What one look at a deployment's live state concluded. */
export interface LiveAssessment {
  latency: LatencyStatus;
  slo: ConditionInput;
  /** Replicas the elastic policy wants (undefined: not elastic). */
  desiredReplicas: number | undefined;
  /** Why the policy decided (for the ScaledUp/ScaledDown Event). */
  scaleReason: string;
  /** Share of the window's requests meeting the TTFT target (metrics only). */
  ttftAttainment: number | undefined;
}

export interface LiveOptions {
  /** Per scrape. Default 1000 ms. */
  scrapeTimeoutMs: number;
  /** Monotonic milliseconds. */
  nowMs: () => number;
  /** Reads one replica's metrics (tests may wrap it). */
  scrape?: (url: string, timeoutMs: number) => Promise<VllmSnapshot>;
}

const ms = (ns: number): string => `${(ns / 1e6).toFixed(1)}ms`;
const seconds = (ns: number): string => `${Math.round(ns / 1e9)}s`;

/**
 * The live side of one ModelDeployment: its replicas' vLLM metrics over a window, the SLOMet
 * condition, and the elastic policy (the scheduler's `SloPolicy` or `KpaPolicy`, fed the
 * observed load). Without metrics (no pod reachable, no metricsPort) the expected load of
 * `spec.load` and the replica model's prediction stand in, and the status says so
 * (`latency.source`). Kept in memory by the leader; a new leader starts from the stored
 * `status.targetReplicas` and rebuilds the window within one window.
 */
export class DeploymentLive {
  readonly #window: LatencyWindow;
  readonly #policy: ScalingPolicy | undefined;
  readonly #options: LiveOptions;
  readonly #windowNs: number;
  /** A fresh policy may not lower the target before it has watched this long (see `assess`). */
  readonly #holdNs: number;
  readonly #startedNs: number;

  constructor(valid: ValidModelDeployment, predictor: Predictor | undefined, options: LiveOptions) {
    this.#options = options;
    this.#windowNs = valid.autoscaling?.windowNs ?? 60e9;
    this.#window = new LatencyWindow(this.#windowNs / 1e6);
    this.#policy = valid.autoscaling === undefined ? undefined : makePolicy(valid, valid.autoscaling, predictor);
    const defaultDelayNs = valid.autoscaling?.policy === 'kpa' ? 0 : 120e9;
    this.#holdNs = Math.max(this.#windowNs, valid.autoscaling?.scaleDownDelayNs ?? defaultDelayNs);
    this.#startedNs = options.nowMs() * 1e6;
  }

  /** Why the deployment is not elastic although it asked to be (no predictor for the SLO policy). */
  static policyUnavailable(valid: ValidModelDeployment, predictor: Predictor | undefined): string | undefined {
    if (valid.autoscaling?.policy === 'slo' && predictor === undefined) {
      return 'the slo policy needs a latency prediction: set spec.gpuType (a catalog GPU) so the replica model knows the engine, or use autoscaling.policy kpa';
    }
    return undefined;
  }

  /**
   * Scrapes the bound replicas with an IP (`http://<podIP>:<metricsPort>/metrics`), updates the
   * window, and judges the SLO and the replica count. `target` is the current replica target.
   */
  async assess(input: {
    valid: ValidModelDeployment;
    pods: readonly PodObject[];
    metricsPort: number | undefined;
    predictor: Predictor | undefined;
    target: number;
  }): Promise<LiveAssessment> {
    const { valid, pods, metricsPort, predictor, target } = input;
    const scrape = this.#options.scrape ?? scrapeVllm;
    const live = pods.filter((p) => p.metadata.deletionTimestamp === undefined && (p.spec?.nodeName ?? '') !== '' && p.metadata.uid !== undefined);
    const reachable = metricsPort === undefined ? [] : live.filter((p) => (p.status?.podIP ?? '') !== '');
    const results = await Promise.allSettled(reachable.map((p) => scrape(`http://${hostOf(p.status!.podIP!)}:${metricsPort!}/metrics`, this.#options.scrapeTimeoutMs)));
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') this.#window.add(reachable[i]!.metadata.uid!, r.value);
    });
    this.#window.retain(new Set(live.map((p) => p.metadata.uid!)));
    const stats = this.#window.stats();
    const slo = valid.sloNs;
    const windowText = seconds(this.#windowNs);
    const scraped = `${results.filter((r) => r.status === 'fulfilled').length}/${live.length}`;

    let latency: LatencyStatus;
    let ttftNs: number | undefined;
    let tpotNs: number | undefined;
    let rate: number | undefined;
    let from: string;
    if (stats.podsMeasured > 0 && stats.requests > 0) {
      ttftNs = stats.ttftP99Ns;
      tpotNs = stats.tpotP99Ns;
      rate = stats.requestsPerSec;
      from = `vLLM metrics of ${stats.podsMeasured}/${live.length} replicas over ${windowText} (${stats.requests} requests)`;
      latency = {
        source: 'metrics',
        ...(ttftNs === undefined ? {} : { ttftP99: ms(ttftNs) }),
        ...(tpotNs === undefined ? {} : { tpotP99: ms(tpotNs) }),
        requestsPerSec: round(rate),
        requestsWaiting: stats.waiting,
        podsScraped: scraped,
        window: windowText,
      };
    } else if (predictor !== undefined && valid.load !== undefined && target > 0) {
      rate = valid.load.qps;
      const p = predictor(rate / target, target);
      ttftNs = p.feasible ? p.ttftP99Ns : Infinity;
      tpotNs = p.feasible ? p.tpotP99Ns : Infinity;
      const why = metricsPort === undefined ? 'no spec.template.metricsPort' : live.length === 0 ? 'no replica bound' : `metrics of ${scraped} replicas read, none with requests in the window`;
      from = `the replica model's prediction at the expected ${rate} req/s over ${target} replicas (${why})`;
      latency = {
        source: 'prediction',
        ...(Number.isFinite(ttftNs) ? { ttftP99: ms(ttftNs) } : {}),
        ...(Number.isFinite(tpotNs) ? { tpotP99: ms(tpotNs) } : {}),
        requestsPerSec: rate,
        podsScraped: scraped,
      };
    } else {
      from = '';
      latency = { source: 'none', podsScraped: scraped };
    }

    const sloCondition = judge(slo, ttftNs, tpotNs, latency.source, from);
    let desiredReplicas: number | undefined;
    let scaleReason = '';
    if (this.#policy !== undefined) {
      const nowNs = this.#options.nowMs() * 1e6;
      // The load signal: the replicas' metrics whenever they answer (zero requests is a
      // reading), else for the SLO policy the expected rate; the KPA's signal, requests in
      // flight, only metrics give, so without them it gets no sample and holds.
      const measured = stats.podsMeasured > 0;
      const sample = measured
        ? { requestsPerSec: stats.requestsPerSec, inFlight: stats.waiting + stats.running }
        : this.#policy.name === 'slo' && valid.load !== undefined
          ? { requestsPerSec: valid.load.qps, inFlight: 0 }
          : undefined;
      if (sample !== undefined) this.#policy.observe(nowNs, sample);
      desiredReplicas = this.#policy.desiredReplicas(nowNs, target);
      // The policies' scale-down delay keeps the largest recommendation of its window, but a
      // policy that has just started (operator start, leader change, spec edit) has one sample:
      // it may raise the target at once, and lowers it only after a whole window and delay of
      // watching, so the replicas a predecessor ran are not shed on a first impression.
      if (desiredReplicas < target && nowNs - this.#startedNs < this.#holdNs) desiredReplicas = target;
      scaleReason =
        sample === undefined
          ? `${this.#policy.name} policy without a load signal (no replica metrics)`
          : `${this.#policy.name} policy at ${round(sample.requestsPerSec)} req/s, ${sample.inFlight} in flight (${measured ? 'from metrics' : 'expected load: no metrics'})`;
    }
    return {
      latency,
      slo: sloCondition,
      desiredReplicas,
      scaleReason,
      ttftAttainment: latency.source === 'metrics' && slo.ttftP99 !== undefined ? ttftAttainment(stats, slo.ttftP99) : undefined,
    };
  }
}

function makePolicy(valid: ValidModelDeployment, a: ValidAutoscaling, predictor: Predictor | undefined): ScalingPolicy | undefined {
  const bounds = { minReplicas: Math.max(1, valid.minReplicas), maxReplicas: Math.max(1, valid.minReplicas, valid.maxReplicas ?? 1) };
  if (a.policy === 'kpa') {
    return new KpaPolicy({ ...bounds, targetPerReplica: a.targetConcurrency!, stableWindowNs: a.windowNs, ...(a.scaleDownDelayNs === undefined ? {} : { scaleDownDelayNs: a.scaleDownDelayNs }) });
  }
  if (predictor === undefined) return undefined;
  return new SloPolicy({
    ...bounds,
    slo: { ttftP99Ns: valid.sloNs.ttftP99, tpotP99Ns: valid.sloNs.tpotP99, e2eP99Ns: valid.sloNs.e2eP99 },
    predict: (rate) => predictor(rate, 1),
    stableWindowNs: a.windowNs,
    burstWindowNs: a.windowNs / 10,
    ...(a.scaleDownDelayNs === undefined ? {} : { scaleDownDelayNs: a.scaleDownDelayNs }),
  });
}

function judge(slo: ValidModelDeployment['sloNs'], ttftNs: number | undefined, tpotNs: number | undefined, source: LatencyStatus['source'], from: string): ConditionInput {
  if (slo.ttftP99 === undefined && slo.tpotP99 === undefined) {
    return { type: 'SLOMet', status: 'Unknown', reason: 'NoTargets', message: 'spec.slo has no ttftP99 or tpotP99 target to check' };
  }
  if (source === 'none') {
    return { type: 'SLOMet', status: 'Unknown', reason: 'NoLatency', message: 'no replica metrics readable and no prediction possible (needs spec.load and a known GPU type)' };
  }
  const parts: string[] = [];
  const verdicts: boolean[] = [];
  for (const [label, value, target] of [['TTFT', ttftNs, slo.ttftP99], ['TPOT', tpotNs, slo.tpotP99]] as const) {
    if (target === undefined) continue;
    if (value === undefined) {
      parts.push(`${label} p99 not measured`);
      continue;
    }
    const ok = value <= target;
    verdicts.push(ok);
    parts.push(`${label} p99 ${Number.isFinite(value) ? ms(value) : 'unbounded (overloaded)'} ${ok ? '<=' : '>'} ${ms(target)}`);
  }
  const measured = verdicts.length > 0;
  const met = verdicts.every((v) => v);
  const prefix = source === 'metrics' ? 'Metrics' : 'Prediction';
  if (!measured) return { type: 'SLOMet', status: 'Unknown', reason: `${prefix}Incomplete`, message: `${parts.join(', ')}; from ${from}` };
  return { type: 'SLOMet', status: met ? 'True' : 'False', reason: met ? `${prefix}MeetSLO` : `${prefix}MissSLO`, message: `${parts.join(', ')}; from ${from}` };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** An IPv6 pod IP goes in brackets in a URL. */
function hostOf(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}
