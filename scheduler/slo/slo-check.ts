import { badInput } from '../../core/errors.js';
import type { SloTargets } from '../planner/slo.js';

/**
 * A finished request as the SLO checker needs it. Any request record with these fields fits
 * (the serving simulation's, or one built from a live engine's metrics). Times in ns.
 */
export interface FinishedRequest {
  readonly arrivalNs: number;
  readonly firstTokenNs: number;
  readonly finishNs: number;
  /** Output tokens produced, first included. */
  readonly outputTokens: number;
  /** Time spent waiting before its prefill started (scheduler queue), when known. */
  readonly queueWaitNs?: number;
  /** Times it was preempted (KV blocks reclaimed and recomputed or swapped), when known. */
  readonly preemptions?: number;
  /** Time spent on network transfers (KV transfer, remote prefill), when known. */
  readonly networkNs?: number;
}

/** What the control loop was doing over an interval, for cause attribution. */
export interface ControlInterval {
  readonly startNs: number;
  readonly endNs: number;
  /** Replicas the controller wanted but that were still loading. */
  readonly replicasStarting: number;
  /** GPUs being reclaimed from lent fine-tuning jobs and not yet back. */
  readonly gpusReclaiming: number;
}

export type ViolationCause = 'queueing' | 'kv-cache-pressure' | 'scale-up-lag' | 'reclaim-lag' | 'network-congestion' | 'compute';

/** p50 and p99 of one latency, ns. */
export interface LatencyPercentiles {
  readonly p50Ns: number;
  readonly p99Ns: number;
}

export interface LatencySummary {
  readonly requests: number;
  readonly ttft: LatencyPercentiles;
  readonly tpot: LatencyPercentiles;
  readonly e2e: LatencyPercentiles;
}

export interface SloWindow extends LatencySummary {
  readonly startNs: number;
  readonly endNs: number;
  /** Every target met by the window's p99s (a window without requests meets). */
  readonly met: boolean;
  /** Targets the window's p99s missed. */
  readonly missed: readonly ('ttft-p99' | 'tpot-p99' | 'e2e-p99')[];
  /** The most likely cause when missed. */
  readonly cause: ViolationCause | undefined;
}

export interface SloReport {
  readonly overall: LatencySummary;
  /** Fraction of requests that met every target individually. */
  readonly requestAttainment: number;
  /** Fraction of windows with requests whose p99s met every target. */
  readonly windowAttainment: number;
  readonly windows: readonly SloWindow[];
  /** Missed windows, in time order. */
  readonly violations: readonly SloWindow[];
}

export interface SloCheckOptions {
  /** Window length; windows are aligned to multiples of it. Default 60 s. */
  readonly windowNs?: number;
  /** What the controller was doing, for the scale-up and reclaim causes. */
  readonly control?: readonly ControlInterval[];
}

/** Mean inter-token gap of a request after its first token (0 for one-token outputs). */
export function tpotNs(r: FinishedRequest): number {
  return r.outputTokens > 1 ? (r.finishNs - r.firstTokenNs) / (r.outputTokens - 1) : 0;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summarize(requests: readonly FinishedRequest[]): LatencySummary {
  const ttft = Float64Array.from(requests, (r) => r.firstTokenNs - r.arrivalNs).sort();
  const tpot = Float64Array.from(requests, tpotNs).sort();
  const e2e = Float64Array.from(requests, (r) => r.finishNs - r.arrivalNs).sort();
  const pair = (a: Float64Array): LatencyPercentiles => ({ p50Ns: percentile(a, 0.5), p99Ns: percentile(a, 0.99) });
  return { requests: requests.length, ttft: pair(ttft), tpot: pair(tpot), e2e: pair(e2e) };
}

function missedTargets(summary: LatencySummary, slo: SloTargets): ('ttft-p99' | 'tpot-p99' | 'e2e-p99')[] {
  const missed: ('ttft-p99' | 'tpot-p99' | 'e2e-p99')[] = [];
  if (summary.requests === 0) return missed;
  if (slo.ttftP99Ns !== undefined && summary.ttft.p99Ns > slo.ttftP99Ns) missed.push('ttft-p99');
  if (slo.tpotP99Ns !== undefined && summary.tpot.p99Ns > slo.tpotP99Ns) missed.push('tpot-p99');
  if (slo.e2eP99Ns !== undefined && summary.e2e.p99Ns > slo.e2eP99Ns) missed.push('e2e-p99');
  return missed;
}

function meetsEach(r: FinishedRequest, slo: SloTargets): boolean {
  return (
    (slo.ttftP99Ns === undefined || r.firstTokenNs - r.arrivalNs <= slo.ttftP99Ns) &&
    (slo.tpotP99Ns === undefined || tpotNs(r) <= slo.tpotP99Ns) &&
    (slo.e2eP99Ns === undefined || r.finishNs - r.arrivalNs <= slo.e2eP99Ns)
  );
}

/**
 * Attributes a missed window, in order of precedence: the control loop's lag (GPUs still being
 * reclaimed from a lent job, then replicas still starting) explains queueing that follows it, so
 * it is named first;
 * then preemptions (KV-cache pressure) on at least a tenth of the requests; then network time
 * above a quarter of the slowest requests' latency; then queue wait above half of their TTFT;
 * otherwise the steps themselves were too slow (compute).
 */
function attribute(requests: readonly FinishedRequest[], startNs: number, endNs: number, control: readonly ControlInterval[]): ViolationCause {
  const overlapping = control.filter((c) => c.startNs < endNs && c.endNs > startNs);
  // A scale-up that waited for lent GPUs to come back is reclaim lag, the more specific cause.
  if (overlapping.some((c) => c.gpusReclaiming > 0)) return 'reclaim-lag';
  if (overlapping.some((c) => c.replicasStarting > 0)) return 'scale-up-lag';
  const preempted = requests.filter((r) => (r.preemptions ?? 0) > 0).length;
  if (preempted >= 0.1 * requests.length) return 'kv-cache-pressure';
  // The slowest 10% carry the p99; look at what they spent their time on.
  const slowest = [...requests].sort((a, b) => b.finishNs - b.arrivalNs - (a.finishNs - a.arrivalNs)).slice(0, Math.max(1, Math.ceil(requests.length / 10)));
  const sum = (f: (r: FinishedRequest) => number): number => slowest.reduce((s, r) => s + f(r), 0);
  if (sum((r) => r.networkNs ?? 0) > 0.25 * sum((r) => r.finishNs - r.arrivalNs)) return 'network-congestion';
  if (sum((r) => r.queueWaitNs ?? 0) > 0.5 * sum((r) => r.firstTokenNs - r.arrivalNs)) return 'queueing';
  return 'compute';
}

/**
 * Checks finished requests against latency targets: overall p50/p99 of TTFT, TPOT and
 * end-to-end latency, the fraction of requests that met every target, and rolling windows
 * (assigned by arrival time) whose p99s are held to the targets, each missed one with a cause.
 *
 * @example
 * const report = checkSlo(records, parseSlo('ttft-p99=300ms,tpot-p99=50ms'), { windowNs: 60e9 });
 * report.windowAttainment; // 0.97
 * @throws WeftError BAD_INPUT for a request whose times are out of order, or a bad window.
 */
export function checkSlo(requests: readonly FinishedRequest[], slo: SloTargets, options: SloCheckOptions = {}): SloReport {
  const windowNs = options.windowNs ?? 60e9;
  if (!(windowNs > 0) || !Number.isFinite(windowNs)) {
    throw badInput('SLO window must be positive', { field: 'windowNs', value: windowNs, expected: 'a finite duration > 0' });
  }
  requests.forEach((r, index) => {
    if (!(r.arrivalNs <= r.firstTokenNs && r.firstTokenNs <= r.finishNs) || !(r.outputTokens >= 1)) {
      throw badInput('request times out of order', {
        field: `requests[${index}]`,
        value: `arrival ${r.arrivalNs}, first token ${r.firstTokenNs}, finish ${r.finishNs}, ${r.outputTokens} tokens`,
        expected: 'arrival <= first token <= finish and at least one output token',
      });
    }
  });
  const byWindow = new Map<number, FinishedRequest[]>();
  for (const r of requests) {
    const index = Math.floor(r.arrivalNs / windowNs);
    let bucket = byWindow.get(index);
    if (bucket === undefined) byWindow.set(index, (bucket = []));
    bucket.push(r);
  }
  const control = options.control ?? [];
  const windows: SloWindow[] = [...byWindow.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const members = byWindow.get(index)!;
      const startNs = index * windowNs;
      const endNs = startNs + windowNs;
      const summary = summarize(members);
      const missed = missedTargets(summary, slo);
      return { startNs, endNs, ...summary, met: missed.length === 0, missed, cause: missed.length === 0 ? undefined : attribute(members, startNs, endNs, control) };
    });
  const violations = windows.filter((w) => !w.met);
  return {
    overall: summarize(requests),
    requestAttainment: requests.length === 0 ? 1 : requests.filter((r) => meetsEach(r, slo)).length / requests.length,
    windowAttainment: windows.length === 0 ? 1 : (windows.length - violations.length) / windows.length,
    windows,
    violations,
  };
}
