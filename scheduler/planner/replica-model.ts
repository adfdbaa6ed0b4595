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

/** z of the standard normal at 0.99. */
const Z99 = 2.3263;

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
 * - Prefill is a FIFO lane served at C - B tokens per full-chunk step: an M/G/1 queue with
 *   service time S = P tau_full / (C - B). Waiting time by Pollaczek-Khinchine, with its tail
 *   taken as exponential (P(W > t) = rho e^{-t rho / E[W]}), so W_p99 = (E[W] / rho) ln(100 rho).
 * - TTFT p99 = max(W_p99 + S(E[P]), E[W] + S(P_p99)) + tau / 2 (the step in flight on arrival).
 * - A request's TPOT is the mean of its O - 1 step times; a step is a full-chunk step while the
 *   prefill lane is busy (probability rho) and a decode-only step otherwise. Busy periods span
 *   consecutive steps, so the variance falls with O - 1 divided by the mean busy period.
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
  predict(requestsPerSec: number, load: Pick<LoadProfile, 'promptTokens' | 'outputTokens'>): ReplicaPrediction {
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
    const waitMeanNs = (ratePerNs * prompt.secondMoment * serviceNsPerToken * serviceNsPerToken) / (2 * (1 - rho));
    const waitP99Ns = rho > 0.01 ? (waitMeanNs / rho) * Math.log(rho / 0.01) : 0;
    const prefillMeanNs = this.#prefillTimeNs(Math.round(prompt.mean), running, contextTokens, chunk);
    const prefillP99Ns = this.#prefillTimeNs(prompt.p99, running, contextTokens, chunk);
    const ttftMeanNs = waitMeanNs + prefillMeanNs + tauNs / 2;
    const ttftP99Ns = Math.max(waitP99Ns + prefillMeanNs, waitMeanNs + prefillP99Ns) + tauNs / 2;

    // TPOT: mean of a request's gaps; steps are full-chunk steps with probability rho.
    const stepVarianceNs2 = rho * (1 - rho) * (fullStepNs - decodeOnlyNs) ** 2;
    const busyPeriodSteps = Math.max(1, (prompt.mean / chunk) / (1 - rho));
    const typicalGaps = Math.max(1, output.p50 - 1);
    const tpotP99Ns = Math.min(Math.max(fullStepNs, tauNs), tauNs + Z99 * Math.sqrt((stepVarianceNs2 * busyPeriodSteps) / typicalGaps));
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
