import {
  type CollectiveCost,
  type Deployment,
  type EfficiencyFactors,
  kvCapacity,
  type SequenceChunk,
  stepCost,
} from '../../gpu-model/index.js';
import type { LoadProfile } from './load-profile.js';

/** Engine limits of one serving replica, as vLLM names them. */
export interface ReplicaEngineLimits {
  /** Token budget of one step (max_num_batched_tokens): decode tokens plus prefill chunks. */
  readonly maxBatchedTokens: number;
  /** Most sequences in one step (max_num_seqs). */
  readonly maxSequences: number;
  /** Highest mean KV-cache occupancy accepted; above it preemptions make latency unpredictable. */
  readonly kvOccupancyLimit: number;
}

export const DEFAULT_ENGINE_LIMITS: ReplicaEngineLimits = { maxBatchedTokens: 8192, maxSequences: 256, kvOccupancyLimit: 0.9 };

/** What the analytic screen predicts for one replica at one arrival rate. Times in ns. */
export interface ReplicaPrediction {
  /** False when the replica cannot carry the rate in steady state; see `reason`. */
  readonly feasible: boolean;
  readonly reason: string | undefined;
  /** Mean engine step time at steady state. */
  readonly stepTimeNs: number;
  /** 1 - (step time of an idle replica) / (mean step time): how much load stretches each step. */
  readonly utilisation: number;
  /** Fraction of the steps' spare token budget that prefill uses (the prefill lane's load). */
  readonly prefillUtilisation: number;
  /** Mean number of requests decoding at once (Little's law). */
  readonly runningRequests: number;
  /** Mean KV-cache occupancy, 0..1. */
  readonly kvOccupancy: number;
  readonly ttftMeanNs: number;
  readonly ttftP99Ns: number;
  readonly tpotMeanNs: number;
  readonly tpotP99Ns: number;
  readonly e2eP99Ns: number;
}

/** Upper tail of the standard normal, P(Z > z) (Abramowitz & Stegun 7.1.26, error below 1.5e-7). */
function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The 99th percentile over requests of a mean of (O - 1) gaps of mean `meanNs`, each with an
 * independent part of deviation `gapSigmaNs` and a part shared by the whole request of deviation
 * `sharedSigmaNs`, with O distributed as `outputPercentiles` (k = 0..100): the x where the
 * mixture's tail mean_O P(N(mean, gap^2 / (O - 1) + shared^2) > x) falls to 1%, by bisection.
 */
function mixtureP99(meanNs: number, gapSigmaNs: number, sharedSigmaNs: number, outputPercentiles: readonly number[]): number {
  const sigmas = outputPercentiles.map((o) => Math.sqrt((gapSigmaNs * gapSigmaNs) / Math.max(1, o - 1) + sharedSigmaNs * sharedSigmaNs));
  const widest = Math.max(...sigmas);
  if (!(widest > 0)) return meanNs;
  const tail = (x: number): number => sigmas.reduce((sum, sigma) => sum + (sigma > 0 ? normalTail((x - meanNs) / sigma) : 0), 0) / sigmas.length;
  let low = meanNs;
  let high = meanNs + 10 * widest;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (tail(mid) > 0.01) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * Steady-state queueing model of one replica of a continuous-batching engine with chunked
 * prefill (vLLM / SGLang style), over the gpu-model step cost. It is the planner's screen: cheap
 * enough for hundreds of candidates, and checked against the serving simulation, which it does
 * not replace.
 *
 * The model, for arrival rate lambda, prompt length P and output length O:
 * - Every step decodes one token of each running request and prefills up to the rest of the
 *   token budget C. The mean step time tau solves tau = step(B, p) with B = lambda E[O] tau
 *   running requests (Little's law) and p = lambda E[P] tau prefill tokens per step; iterated
 *   from below, the iteration rises to the least fixed point or past a limit (overload).
 * - Prefill is a FIFO lane served at C - B tokens per full-chunk step, service time
 *   S = P tau_full / (C - B): a GI/G/1 queue by Allen-Cunneen (Poisson arrivals for one replica,
 *   smoother behind a balancing router), its waiting-time tail taken as exponential, so
 *   W_p99 = (E[W] / rho) ln(100 rho).
 * - TTFT p99 = max(W_p99 + S(E[P]), E[W] + S(P_p99)) + tau / 2 (the step in flight on arrival).
 * - A request's TPOT is the mean of its O - 1 step times. A step carries the prompts that
 *   arrived during the previous one (compound Poisson, AR(1)-correlated from step to step), and
 *   the batch size drifts slowly over a request's life; the p99 over requests is taken over the
 *   mixture of output lengths (short outputs dominate it).
 * - Calibrated and checked against the serving simulation (verify.test.ts): within 20% of the
 *   simulated p99s at up to 80% utilisation, the planner's limit.
 *
 * Invariants: predictions rise with the arrival rate; at a vanishing rate TTFT is the prefill
 * time of one prompt plus half a step and TPOT a batch-of-one decode step.
 */
export class ReplicaModel {
  readonly #deployment: Deployment;
  readonly #collectives: CollectiveCost;
  readonly #efficiency: EfficiencyFactors;
  readonly #limits: ReplicaEngineLimits;
  readonly #kvTokens: number;
  readonly #fits: boolean;
  readonly #fitReason: string | undefined;
  readonly #stepMemo = new Map<string, number>();

  constructor(deployment: Deployment, collectives: CollectiveCost, efficiency: EfficiencyFactors, limits: ReplicaEngineLimits = DEFAULT_ENGINE_LIMITS) {
    if (!Number.isInteger(limits.maxBatchedTokens) || limits.maxBatchedTokens < 1) {
      throw new RangeError(`ReplicaModel: maxBatchedTokens must be a positive integer, got ${String(limits.maxBatchedTokens)}`);
    }
    if (!Number.isInteger(limits.maxSequences) || limits.maxSequences < 1) {
      throw new RangeError(`ReplicaModel: maxSequences must be a positive integer, got ${String(limits.maxSequences)}`);
    }
    if (!(limits.kvOccupancyLimit > 0 && limits.kvOccupancyLimit <= 1)) {
      throw new RangeError(`ReplicaModel: kvOccupancyLimit must be in (0, 1], got ${String(limits.kvOccupancyLimit)}`);
    }
    this.#deployment = deployment;
    this.#collectives = collectives;
    this.#efficiency = efficiency;
    this.#limits = limits;
    const capacity = kvCapacity(deployment, { maxBatchedTokens: limits.maxBatchedTokens, maxSequences: limits.maxSequences });
    this.#kvTokens = capacity.tokens;
    this.#fits = capacity.fits;
    this.#fitReason = capacity.reason;
  }

  /** Tokens the replica's KV cache holds. */
  get kvCacheTokens(): number {
    return this.#kvTokens;
  }

  /**
   * Time of one step decoding `decodeSequences` requests at `contextTokens` each and prefilling
   * `prefillTokens` tokens of one prompt whose first `prefillCachedTokens` are already cached.
   * Fractional sequence counts interpolate between the neighbouring whole counts.
   */
  stepTimeNs(decodeSequences: number, contextTokens: number, prefillTokens: number, prefillCachedTokens: number): number {
    const low = Math.floor(decodeSequences);
    const fraction = decodeSequences - low;
    const at = (sequences: number): number => this.#wholeStepNs(sequences, Math.round(contextTokens), Math.round(prefillTokens), Math.round(prefillCachedTokens));
    const lowNs = at(low);
    return fraction === 0 ? lowNs : lowNs + fraction * (at(low + 1) - lowNs);
  }

  #wholeStepNs(sequences: number, context: number, prefill: number, cached: number): number {
    if (sequences === 0 && prefill === 0) return 0;
    const key = `${sequences}|${context}|${prefill}|${cached}`;
    const memo = this.#stepMemo.get(key);
    if (memo !== undefined) return memo;
    const batch: SequenceChunk[] = [];
    for (let i = 0; i < sequences; i++) batch.push({ newTokens: 1, cachedTokens: context });
    if (prefill > 0) batch.push({ newTokens: prefill, cachedTokens: cached });
    const timeNs = stepCost(this.#deployment, batch, { collectives: this.#collectives, efficiency: this.#efficiency }).timeNs;
    this.#stepMemo.set(key, timeNs);
    return timeNs;
  }

  /** Time to prefill a prompt of `promptTokens` alongside `decodeSequences` running requests, in chunks of `chunkTokens`. */
  #prefillTimeNs(promptTokens: number, decodeSequences: number, contextTokens: number, chunkTokens: number): number {
    let timeNs = 0;
    for (let done = 0; done < promptTokens; done += chunkTokens) {
      timeNs += this.stepTimeNs(decodeSequences, contextTokens, Math.min(chunkTokens, promptTokens - done), done);
    }
    return timeNs;
  }

  /** Predicts the replica's steady state at `requestsPerSec` with the load's token distributions. */
  /**
   * `requestsPerSec` is this replica's share; `pooledReplicas` is how many replicas a balancing
   * router spreads the deployment's stream over (it smooths each replica's arrivals).
   */
  predict(requestsPerSec: number, load: Pick<LoadProfile, 'promptTokens' | 'outputTokens'>, pooledReplicas = 1): ReplicaPrediction {
    if (!Number.isInteger(pooledReplicas) || pooledReplicas < 1) {
      throw new RangeError(`ReplicaModel.predict: pooledReplicas must be a positive integer, got ${String(pooledReplicas)}`);
    }
    const infeasible = (reason: string): ReplicaPrediction => ({
      feasible: false,
      reason,
      stepTimeNs: Infinity,
      utilisation: 1,
      prefillUtilisation: 1,
      runningRequests: Infinity,
      kvOccupancy: Infinity,
      ttftMeanNs: Infinity,
      ttftP99Ns: Infinity,
      tpotMeanNs: Infinity,
      tpotP99Ns: Infinity,
      e2eP99Ns: Infinity,
    });
    if (!this.#fits) return infeasible(this.#fitReason ?? 'does not fit in memory');
    const { promptTokens: prompt, outputTokens: output } = load;
    const budget = this.#limits.maxBatchedTokens;
    if (prompt.p99 + output.p99 > this.#kvTokens) {
      return infeasible(`a p99 request (${prompt.p99 + output.p99} tokens) does not fit the KV cache of ${this.#kvTokens} tokens`);
    }
    const ratePerNs = requestsPerSec / 1e9;
    // Requests decode for a time proportional to their output, so the running ones are
    // size-biased: their mean context is E[P] + E[O^2] / (2 E[O]).
    const contextTokens = prompt.mean + output.secondMoment / (2 * output.mean);
    const decodeSteps = Math.max(1, output.mean - 1);
    const idleStepNs = this.stepTimeNs(1, contextTokens, 0, 0);

    // Least fixed point of tau = step(B(tau), p(tau)), iterated from the idle step time.
    let tauNs = idleStepNs;
    let running = 1;
    let prefillPerStep = 0;
    for (let iteration = 0; ; iteration++) {
      running = Math.max(1, ratePerNs * decodeSteps * tauNs);
      prefillPerStep = ratePerNs * prompt.mean * tauNs;
      if (running > this.#limits.maxSequences) {
        return infeasible(`needs ${running.toFixed(0)} running requests, above max_num_seqs ${this.#limits.maxSequences}`);
      }
      if (running + prefillPerStep >= budget) {
        return infeasible(`needs ${(running + prefillPerStep).toFixed(0)} tokens per step, above the step budget of ${budget}`);
      }
      const next = this.stepTimeNs(running, contextTokens, prefillPerStep, Math.max(0, (prompt.mean - prefillPerStep) / 2));
      if (Math.abs(next - tauNs) <= 1e-6 * tauNs) {
        tauNs = next;
        break;
      }
      if (iteration === 200) return infeasible('step time does not settle: the replica is overloaded');
      tauNs = next;
    }
    const kvOccupancy = (running * contextTokens) / this.#kvTokens;
    if (kvOccupancy > this.#limits.kvOccupancyLimit) {
      return infeasible(`mean KV-cache occupancy ${(kvOccupancy * 100).toFixed(0)}% is above ${(this.#limits.kvOccupancyLimit * 100).toFixed(0)}%`);
    }

    // The prefill lane: C - B tokens per full-chunk step.
    const chunk = Math.max(1, Math.floor(budget - running));
    const fullStepNs = this.stepTimeNs(running, contextTokens, chunk, Math.max(0, (prompt.mean - chunk) / 2));
    const decodeOnlyNs = this.stepTimeNs(running, contextTokens, 0, 0);
    const serviceNsPerToken = fullStepNs / chunk;
    const rho = ratePerNs * prompt.mean * serviceNsPerToken;
    if (rho >= 1) return infeasible(`prefill needs ${(rho * 100).toFixed(0)}% of the spare step budget`);
    // Waiting for the prefill lane of this replica: a GI/G/1 queue by the Allen-Cunneen
    // (Kingman) approximation, E[W] = rho / (1 - rho) E[S] (ca^2 + cs^2) / 2, with an exponential
    // tail P(W > t) = rho e^{-t rho / E[W]}. One replica sees Poisson arrivals (ca^2 = 1: the
    // formula is then Pollaczek-Khinchine). Behind a least-outstanding router over c replicas a
    // replica's arrivals are smoother than a random split (ca^2 = 1) but not as smooth as a
    // round-robin split (Erlang-c gaps, ca^2 = 1 / c), because the outstanding count it balances
    // is mostly decoding requests; the midpoint is taken, and checked against the serving
    // simulation (verify.test.ts, and the 2-3 replica plans measured there within 5%).
    const meanServiceNs = prompt.mean * serviceNsPerToken;
    const serviceCv2 = prompt.secondMoment / (prompt.mean * prompt.mean) - 1;
    const arrivalCv2 = (1 + 1 / pooledReplicas) / 2;
    const waitMeanNs = (rho / (1 - rho)) * meanServiceNs * ((arrivalCv2 + serviceCv2) / 2);
    const waitP99Ns = rho > 0.01 ? (waitMeanNs / rho) * Math.log(rho / 0.01) : 0;
    const prefillMeanNs = this.#prefillTimeNs(Math.round(prompt.mean), running, contextTokens, chunk);
    const prefillP99Ns = this.#prefillTimeNs(prompt.p99, running, contextTokens, chunk);
    const ttftMeanNs = waitMeanNs + prefillMeanNs + tauNs / 2;
    const ttftP99Ns = Math.max(waitP99Ns + prefillMeanNs, waitMeanNs + prefillP99Ns) + tauNs / 2;

    // TPOT: the mean of a request's O - 1 gaps. A step's time varies with the prefill it
    // carries: the prompts that arrived during the previous step, a compound Poisson sum, so
    // Var(step) = b^2 lambda tau E[P^2] with b the marginal step time of a prefill token. Gaps
    // are taken as independent, so a request's TPOT is about normal with variance Var / (O - 1),
    // and the p99 over requests solves mean over O of P(TPOT > x) = 1% (short outputs dominate).
    // The batch itself drifts slowly: the count of other running requests is about Poisson with
    // mean lambda E[O] tau (an M/G/infinity population) and persists over a request's lifetime, so its share of the variance does
    // not average out over the gaps.
    // Consecutive steps are correlated: a long step lets more prompts arrive, which lengthens the
    // next one, an AR(1) with coefficient phi = b lambda E[P]; the variance of a mean over many
    // such gaps is the independent one times 1 / (1 - phi)^2.
    const perPrefillTokenNs = (this.stepTimeNs(running, contextTokens, prompt.mean, 0) - decodeOnlyNs) / prompt.mean;
    const phi = Math.min(0.95, perPrefillTokenNs * ratePerNs * prompt.mean);
    const stepSigmaNs = (perPrefillTokenNs * Math.sqrt(ratePerNs * tauNs * prompt.secondMoment)) / (1 - phi);
    const perSequenceNs = this.stepTimeNs(running + 1, contextTokens, 0, 0) - decodeOnlyNs;
    const batchSigmaNs = perSequenceNs * Math.sqrt(ratePerNs * decodeSteps * tauNs);
    const tpotP99Ns = Math.min(Math.max(fullStepNs, tauNs), mixtureP99(tauNs, stepSigmaNs, batchSigmaNs, output.percentiles));
    const e2eP99Ns = ttftP99Ns + Math.max(0, output.p99 - 1) * tauNs;
    return {
      feasible: true,
      reason: undefined,
      stepTimeNs: tauNs,
      utilisation: 1 - idleStepNs / tauNs,
      prefillUtilisation: rho,
      runningRequests: running,
      kvOccupancy,
      ttftMeanNs,
      ttftP99Ns,
      tpotMeanNs: tauNs,
      tpotP99Ns,
      e2eP99Ns,
    };
  }
}
