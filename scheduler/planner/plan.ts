import { badInput } from '../../core/errors.js';
import {
  allGpus,
  efficiencyFor,
  getGpu,
  getModel,
  makeDeployment,
  nvlinkAlphaBetaCollectives,
  type GpuSpec,
  type WeightPrecision,
} from '../../gpu-model/index.js';
import type { LoadProfile } from './load-profile.js';
import { DEFAULT_ENGINE_LIMITS, ReplicaModel, type ReplicaEngineLimits, type ReplicaPrediction } from './replica-model.js';
import type { SloTargets } from './slo.js';

/** Input of {@link planDeployment}. */
export interface PlanInput {
  /** Model catalog key, for example `llama-3-8b`. */
  readonly model: string;
  readonly slo: SloTargets;
  readonly load: LoadProfile;
  /** GPU catalog keys to consider. Default: every GPU of the catalog. */
  readonly gpus?: readonly string[];
  /** Tensor-parallel degrees to consider (each inside one NVLink domain). Default 1, 2, 4, 8. */
  readonly tensorParallel?: readonly number[];
  /** Weight precisions to consider. Default bf16 and fp8 (fp8 only on GPUs with fp8 tensor cores). */
  readonly precisions?: readonly WeightPrecision[];
  /** Most replicas of one configuration. Default 64. */
  readonly maxReplicas?: number;
  /** Fraction of each target kept in reserve: a p99 must be at most (1 - headroom) x target. Default 0.1. */
  readonly headroom?: number;
  /**
   * Highest predicted replica utilisation a plan may run at. Default 0.8: the screen is checked
   * against simulation up to there (planner.test.ts); above it queueing grows faster than the
   * model says, and a plan has no room for a burst.
   */
  readonly maxUtilisation?: number;
  readonly limits?: ReplicaEngineLimits;
  /** Price overrides per GPU-hour, by GPU key. */
  readonly pricePerGpuHourUsd?: Readonly<Record<string, number>>;
}

/** One configuration at the replica count the screen settled on. */
export interface Candidate {
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly replicas: number;
  readonly gpus: number;
  readonly usdPerHour: number;
  readonly prediction: ReplicaPrediction;
  /** Every target met with the headroom. */
  readonly meets: boolean;
  /** Largest of predicted p99 / allowed p99 over the targets and utilisation / its limit (Infinity when infeasible). */
  readonly worstRatio: number;
  /** What it misses by, one line per missed target (or the infeasibility reason). */
  readonly misses: readonly string[];
}

/** A configuration the screen could not build at all (tp does not divide the heads, ...). */
export interface RejectedConfiguration {
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly reason: string;
}

/** Result of {@link planDeployment}. */
export interface DeploymentPlan {
  /** The cheapest candidate that meets every target with headroom; undefined when none does. */
  readonly chosen: Candidate | undefined;
  /** Per configuration: the fewest replicas that meet the SLO, or the best it reached. Cheapest meeting first. */
  readonly candidates: readonly Candidate[];
  /** When nothing meets the SLO: the candidates closest to it (smallest worst ratio). */
  readonly nearest: readonly Candidate[];
  readonly rejected: readonly RejectedConfiguration[];
  /** (configuration, replica count) pairs predicted. */
  readonly screened: number;
}

const TARGETS = [
  ['ttftP99Ns', 'ttft-p99'],
  ['tpotP99Ns', 'tpot-p99'],
  ['e2eP99Ns', 'e2e-p99'],
] as const;

function judge(prediction: ReplicaPrediction, slo: SloTargets, headroom: number, maxUtilisation: number): { meets: boolean; worstRatio: number; misses: string[] } {
  if (!prediction.feasible) return { meets: false, worstRatio: Infinity, misses: [prediction.reason ?? 'infeasible'] };
  let worstRatio = prediction.utilisation / maxUtilisation;
  const misses: string[] = [];
  if (prediction.utilisation > maxUtilisation) {
    misses.push(`utilisation ${(prediction.utilisation * 100).toFixed(0)}% > ${(maxUtilisation * 100).toFixed(0)}% planning limit`);
  }
  for (const [key, label] of TARGETS) {
    const target = slo[key];
    if (target === undefined) continue;
    const allowed = target * (1 - headroom);
    const predicted = prediction[key];
    worstRatio = Math.max(worstRatio, predicted / allowed);
    if (predicted > allowed) {
      misses.push(`${label} ${(predicted / 1e6).toFixed(1)} ms > ${(allowed / 1e6).toFixed(1)} ms allowed (target ${(target / 1e6).toFixed(1)} ms)`);
    }
  }
  return { meets: misses.length === 0, worstRatio, misses };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.meets !== b.meets) return a.meets ? -1 : 1;
  if (a.meets) return a.usdPerHour - b.usdPerHour || a.worstRatio - b.worstRatio || a.gpus - b.gpus || label(a).localeCompare(label(b));
  return a.worstRatio - b.worstRatio || a.usdPerHour - b.usdPerHour || label(a).localeCompare(label(b));
}

function label(c: { gpu: string; tp: number; precision: string }): string {
  return `${c.gpu}/tp${c.tp}/${c.precision}`;
}

/**
 * The one-click planner's analytic screen: enumerates GPU type x tensor-parallel degree x
 * weight precision, finds for each the fewest replicas whose predicted p99s meet the SLO with
 * headroom (latency falls as replicas are added, so a doubling then bisection search), and keeps
 * the cheapest. Simulation of the best few (the verify step) is separate.
 *
 * @example
 * const plan = planDeployment({ model: 'llama-3-8b', slo: parseSlo('ttft-p99=300ms,tpot-p99=50ms'), load });
 * plan.chosen; // { gpu: 'h100-sxm', tp: 1, precision: 'fp8', replicas: 3, ... } or undefined
 * @throws WeftError BAD_INPUT for an unknown model or GPU and out-of-range options.
 */
export function planDeployment(input: PlanInput): DeploymentPlan {
  const model = getModel(input.model, 'model');
  const headroom = input.headroom ?? 0.1;
  if (!(headroom >= 0 && headroom < 1)) throw badInput('headroom out of range', { field: 'headroom', value: headroom, expected: 'a fraction in [0, 1)' });
  const maxUtilisation = input.maxUtilisation ?? 0.8;
  if (!(maxUtilisation > 0 && maxUtilisation <= 1)) {
    throw badInput('maxUtilisation out of range', { field: 'maxUtilisation', value: maxUtilisation, expected: 'a fraction in (0, 1]' });
  }
  const maxReplicas = input.maxReplicas ?? 64;
  if (!Number.isInteger(maxReplicas) || maxReplicas < 1) {
    throw badInput('maxReplicas must be a positive integer', { field: 'maxReplicas', value: maxReplicas, expected: 'an integer >= 1' });
  }
  const gpus: GpuSpec[] = (input.gpus ?? allGpus().map((g) => g.name)).map((name) =>
    getGpu(name, { field: 'gpu', pricePerGpuHourUsd: input.pricePerGpuHourUsd?.[name] }),
  );
  const tps = input.tensorParallel ?? [1, 2, 4, 8];
  const precisions = input.precisions ?? (['bf16', 'fp8'] as const);
  const limits = input.limits ?? DEFAULT_ENGINE_LIMITS;

  const candidates: Candidate[] = [];
  const rejected: RejectedConfiguration[] = [];
  let screened = 0;
  for (const gpu of gpus) {
    const collectives = nvlinkAlphaBetaCollectives(gpu);
    const efficiency = efficiencyFor(gpu.name);
    for (const tp of tps) {
      for (const precision of precisions) {
        const reject = (reason: string): void => {
          rejected.push({ gpu: gpu.name, tp, precision, reason });
        };
        if (tp > Math.max(1, gpu.nvlinkDomainSize)) {
          reject(`tp=${tp} exceeds the NVLink domain of ${gpu.nvlinkDomainSize} GPUs`);
          continue;
        }
        if (precision === 'fp8' && gpu.fp8FlopsPerSec === undefined) {
          reject(`${gpu.name} has no fp8 tensor cores`);
          continue;
        }
        let replicaModel: ReplicaModel;
        try {
          replicaModel = new ReplicaModel(makeDeployment({ model, gpu, tp, weightPrecision: precision }), collectives, efficiency, limits);
        } catch (error) {
          reject(error instanceof Error ? error.message : String(error));
          continue;
        }
        const at = (replicas: number): Candidate => {
          screened++;
          const prediction = replicaModel.predict(input.load.requestsPerSec / replicas, input.load, replicas);
          const verdict = judge(prediction, input.slo, headroom, maxUtilisation);
          return {
            gpu: gpu.name,
            tp,
            precision,
            replicas,
            gpus: replicas * tp,
            usdPerHour: replicas * tp * gpu.pricePerGpuHourUsd,
            prediction,
            ...verdict,
          };
        };
        candidates.push(fewestReplicasMeeting(at, maxReplicas));
      }
    }
  }
  candidates.sort(compareCandidates);
  const chosen = candidates[0]?.meets === true ? candidates[0] : undefined;
  const nearest = chosen === undefined ? candidates.filter((c) => Number.isFinite(c.worstRatio)).slice(0, 3) : [];
  return { chosen, candidates, nearest, rejected, screened };
}

/**
 * The fewest replicas in [1, max] that meet, assuming meeting is monotone in the replica count;
 * when none does, the count with the smallest worst ratio seen.
 */
function fewestReplicasMeeting(at: (replicas: number) => Candidate, max: number): Candidate {
  let best: Candidate | undefined;
  const consider = (c: Candidate): Candidate => {
    if (best === undefined || (!best.meets && c.worstRatio < best.worstRatio)) best = c;
    return c;
  };
  let low = 0; // largest count known not to meet
  let high = -1; // smallest count known to meet
  let highCandidate: Candidate | undefined;
  for (let replicas = 1; ; replicas = Math.min(max, replicas * 2)) {
    const c = consider(at(replicas));
    if (c.meets) {
      high = replicas;
      highCandidate = c;
      break;
    }
    low = replicas;
    if (replicas === max) break;
  }
  if (highCandidate === undefined) return best!;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    const c = consider(at(mid));
    if (c.meets) {
      high = mid;
      highCandidate = c;
    } else {
      low = mid;
    }
  }
  return highCandidate;
}
