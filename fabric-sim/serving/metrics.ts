/**
 * Request-level serving metrics, per request and aggregated, with the definitions of vLLM's
 * benchmark (benchmarks/benchmark_serving.py) and DistServe:
 * - TTFT: arrival to first token; TPOT: (finish - first token) / (output tokens - 1), per
 *   request; ITL: every gap between consecutive tokens of a request (here each request's
 *   largest gap is kept, so the aggregate is the distribution of per-request worst gaps, plus
 *   the token-weighted mean, which equals the mean of all gaps);
 * - end-to-end latency: arrival to last token; queueing delay: arrival at its replica to its
 *   first scheduled step;
 * - throughput: completed requests and output tokens per second of the makespan (first arrival
 *   to last finish); goodput: requests per second that met every SLO given.
 */

/** One finished request. Times in ns from the start of the stream; fields match scheduler/slo's `FinishedRequest`. */
export interface RequestRecord {
  readonly id: number;
  readonly arrivalNs: number;
  readonly firstTokenNs: number;
  readonly finishNs: number;
  readonly promptTokens: number;
  /** Output tokens produced (a trace's 0 is served as 1). */
  readonly outputTokens: number;
  /** Arrival to first scheduled step on the replica that ran its prefill. */
  readonly queueWaitNs: number;
  /** Largest gap between two consecutive tokens (0 for a single token). */
  readonly maxItlNs: number;
  readonly preemptions: number;
  /** Prompt tokens found in the prefix cache. */
  readonly prefixHitTokens: number;
  /** KV-cache transfer between prefill and decode replicas (0 when colocated). */
  readonly networkNs: number;
  readonly kvTransferBytes: number;
  /** Replica that produced its last token. */
  readonly replica: number;
}

/** p50 / p90 / p99 and mean, ns. */
export interface Percentiles {
  readonly meanNs: number;
  readonly p50Ns: number;
  readonly p90Ns: number;
  readonly p99Ns: number;
}

/** SLO targets for goodput; an omitted target is not checked. */
export interface ServingSlo {
  readonly ttftNs?: number;
  readonly tpotNs?: number;
  readonly e2eNs?: number;
}

export interface ServingSummary {
  readonly requests: number;
  /** Requests rejected because prompt + output exceed a replica's whole KV cache. */
  readonly rejected: number;
  readonly makespanNs: number;
  readonly requestsPerSec: number;
  readonly outputTokensPerSec: number;
  /** Requests per second meeting every SLO target (equals requestsPerSec without targets). */
  readonly goodputRequestsPerSec: number;
  readonly ttft: Percentiles;
  readonly tpot: Percentiles;
  /** Per-request largest inter-token gap; `meanNs` is the mean of all inter-token gaps. */
  readonly itl: Percentiles;
  readonly e2e: Percentiles;
  readonly queueing: Percentiles;
  /** Prompt tokens served from the prefix cache over all prompt tokens. */
  readonly prefixHitRate: number;
  readonly preemptions: number;
  readonly kvTransferBytes: number;
}

/** Time per output token after the first (0 for one-token outputs). */
export function tpotNs(r: RequestRecord): number {
  return r.outputTokens > 1 ? (r.finishNs - r.firstTokenNs) / (r.outputTokens - 1) : 0;
}

/** Nearest-rank percentile of sorted values (q in [0, 1]); 0 for none. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

function summarize(values: Float64Array, meanNs?: number): Percentiles {
  values.sort();
  let sum = 0;
  for (const v of values) sum += v;
  return {
    meanNs: meanNs ?? (values.length === 0 ? 0 : sum / values.length),
    p50Ns: percentile(values, 0.5),
    p90Ns: percentile(values, 0.9),
    p99Ns: percentile(values, 0.99),
  };
}

/** Whether `r` met every target of `slo`. */
export function meetsSlo(r: RequestRecord, slo: ServingSlo): boolean {
  return (
    (slo.ttftNs === undefined || r.firstTokenNs - r.arrivalNs <= slo.ttftNs) &&
    (slo.tpotNs === undefined || tpotNs(r) <= slo.tpotNs) &&
    (slo.e2eNs === undefined || r.finishNs - r.arrivalNs <= slo.e2eNs)
  );
}

/** Aggregates finished requests. */
export function summarizeRequests(records: readonly RequestRecord[], rejected: number, slo: ServingSlo = {}): ServingSummary {
  const n = records.length;
  const pick = (f: (r: RequestRecord) => number): Float64Array => Float64Array.from(records, f);
  let firstArrival = Infinity;
  let lastFinish = 0;
  let outputTokens = 0;
  let promptTokens = 0;
  let hitTokens = 0;
  let gapSum = 0;
  let gaps = 0;
  let good = 0;
  let preemptions = 0;
  let kvBytes = 0;
  for (const r of records) {
    firstArrival = Math.min(firstArrival, r.arrivalNs);
    lastFinish = Math.max(lastFinish, r.finishNs);
    outputTokens += r.outputTokens;
    promptTokens += r.promptTokens;
    hitTokens += r.prefixHitTokens;
    gapSum += r.finishNs - r.firstTokenNs;
    gaps += r.outputTokens - 1;
    preemptions += r.preemptions;
    kvBytes += r.kvTransferBytes;
    if (meetsSlo(r, slo)) good++;
  }
  const makespanNs = n === 0 ? 0 : lastFinish - firstArrival;
  const perSec = (count: number): number => (makespanNs > 0 ? count / (makespanNs / 1e9) : 0);
  return {
    requests: n,
    rejected,
    makespanNs,
    requestsPerSec: perSec(n),
    outputTokensPerSec: perSec(outputTokens),
    goodputRequestsPerSec: perSec(good),
    ttft: summarize(pick((r) => r.firstTokenNs - r.arrivalNs)),
    tpot: summarize(pick(tpotNs)),
    itl: summarize(pick((r) => r.maxItlNs), gaps === 0 ? 0 : gapSum / gaps),
    e2e: summarize(pick((r) => r.finishNs - r.arrivalNs)),
    queueing: summarize(pick((r) => r.queueWaitNs)),
    prefixHitRate: promptTokens === 0 ? 0 : hitTokens / promptTokens,
    preemptions,
    kvTransferBytes: kvBytes,
  };
}
