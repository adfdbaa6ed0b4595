import { RandomStream } from '../../fabric-sim/engine/index.js';
import { simulateServing } from '../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { checkSlo, type SloReport } from '../slo/slo-check.js';
import type { LoadProfile } from './load-profile.js';
import { type Candidate, type DeploymentPlan, planDeployment, type PlanInput } from './plan.js';
import type { SloTargets } from './slo.js';

export interface VerifyOptions {
  /** Requests simulated per seed. Default 10,000. */
  readonly requests?: number;
  /** One simulation per seed; figures are medians over them. Default 1, 2, 3. */
  readonly seeds?: readonly number[];
  /** SLO windows of the check. Default 60 s. */
  readonly windowNs?: number;
}

/** What simulating a candidate's request stream showed. Times in ns. */
export interface Verification {
  readonly candidate: Candidate;
  /** Medians over the seeds of each p99. */
  readonly simulatedTtftP99Ns: number;
  readonly simulatedTpotP99Ns: number;
  readonly simulatedE2eP99Ns: number;
  /** Median over the seeds of the share of requests meeting every target. */
  readonly requestAttainment: number;
  /** The simulated p99s met every target (without the screen's headroom). */
  readonly meets: boolean;
  /** The first seed's full report (windows and violation causes). */
  readonly report: SloReport;
  readonly simulatedRequests: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}

/**
 * A Poisson stream at the load's rate whose prompt and output lengths are drawn from the load's
 * sampled requests: the stream the verify step simulates, the same for a seed on every run.
 */
export function resampledStream(load: LoadProfile, count: number, seed: number): InferenceRequest[] {
  const random = RandomStream.derive(seed, 'planner/verify-stream');
  const meanGapNs = 1e9 / load.requestsPerSec;
  const out: InferenceRequest[] = [];
  let timeNs = 0;
  for (let i = 0; i < count; i++) {
    timeNs += random.exponential(meanGapNs);
    const sample = load.requests[random.integer(0, load.requests.length - 1)]!;
    out.push({ arrivalNs: Math.round(timeNs), promptTokens: sample.promptTokens, outputTokens: sample.outputTokens });
  }
  return out;
}

/**
 * The verify step of the one-click planner: simulates the candidate's replicas (continuous
 * batching, chunked prefill, paged KV cache, least-outstanding routing) under a resampled
 * request stream for each seed and checks the SLO on what happened.
 *
 * @example
 * const v = await verifyCandidate(plan.chosen!, 'llama-3-8b', load, slo, { requests: 10_000 });
 * v.meets; v.simulatedTtftP99Ns;
 */
export async function verifyCandidate(candidate: Candidate, modelName: string, load: LoadProfile, slo: SloTargets, options: VerifyOptions = {}): Promise<Verification> {
  const count = options.requests ?? 10_000;
  const seeds = options.seeds ?? [1, 2, 3];
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`verifyCandidate: requests must be a positive integer, got ${String(count)}`);
  if (seeds.length === 0) throw new RangeError('verifyCandidate: at least one seed is needed');
  const deployment = makeDeployment({ model: getModel(modelName, 'model'), gpu: getGpu(candidate.gpu, { field: 'gpu' }), tp: candidate.tp, weightPrecision: candidate.precision });
  const reports: SloReport[] = [];
  for (const seed of seeds) {
    const result = await simulateServing(resampledStream(load, count, seed), { deployment, replicas: candidate.replicas }, { seed });
    reports.push(checkSlo(result.records, slo, { windowNs: options.windowNs ?? 60e9 }));
  }
  const ttft = median(reports.map((r) => r.overall.ttft.p99Ns));
  const tpot = median(reports.map((r) => r.overall.tpot.p99Ns));
  const e2e = median(reports.map((r) => r.overall.e2e.p99Ns));
  const meets =
    (slo.ttftP99Ns === undefined || ttft <= slo.ttftP99Ns) &&
    (slo.tpotP99Ns === undefined || tpot <= slo.tpotP99Ns) &&
    (slo.e2eP99Ns === undefined || e2e <= slo.e2eP99Ns);
  return {
    candidate,
    simulatedTtftP99Ns: ttft,
    simulatedTpotP99Ns: tpot,
    simulatedE2eP99Ns: e2e,
    requestAttainment: median(reports.map((r) => r.requestAttainment)),
    meets,
    report: reports[0]!,
    simulatedRequests: count * seeds.length,
  };
}

/** A screened plan whose cheapest candidates were simulated. */
export interface VerifiedPlan {
  readonly plan: DeploymentPlan;
  /** Verifications in the order tried (cheapest screened candidates first). */
  readonly verified: readonly Verification[];
  /** The cheapest candidate whose simulation met every target; undefined when none did. */
  readonly chosen: Verification | undefined;
}

/**
 * The one-click planner end to end: the analytic screen over every configuration, then the
 * cheapest `verifyTop` candidates that pass it simulated in cost order until one meets the SLO
 * in simulation (all of them are simulated, so the report can show how close each came).
 */
export async function planAndVerify(input: PlanInput, options: VerifyOptions & { readonly verifyTop?: number } = {}): Promise<VerifiedPlan> {
  const plan = planDeployment(input);
  const top = options.verifyTop ?? 5;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`planAndVerify: verifyTop must be a positive integer, got ${String(top)}`);
  const verified: Verification[] = [];
  for (const candidate of plan.candidates.filter((c) => c.meets).slice(0, top)) {
    verified.push(await verifyCandidate(candidate, input.model, input.load, input.slo, options));
  }
  return { plan, verified, chosen: verified.find((v) => v.meets) };
}
