import { efficiencyFor, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, type WeightPrecision } from '../../gpu-model/index.js';
import { planDeployment, ReplicaModel, type Candidate, type LoadProfile, type NodeSpec } from '../../scheduler/index.js';
import type { ValidModelDeployment } from '../model-deployment/validate.js';
import type { PodDemand } from '../placement.js';
import { clusterGpus, catalogGpu } from './gpu-catalog.js';
import { crLoadProfile } from './load.js';

/** How one replica runs: the GPU (catalog key), tensor-parallel degree and weight precision. */
export interface Engine {
  gpu: string;
  tp: number;
  precision: WeightPrecision;
}

/** A deployment with a size: replicas and per-replica demand, and how it was decided. */
export interface SizedDeployment {
  kind: 'sized';
  source: 'spec' | 'planner';
  replicas: number;
  demand: PodDemand;
  /** Undefined when the spec leaves the GPU open and the cluster has several types: no prediction is possible. */
  engine: Engine | undefined;
  /** The planner's chosen candidate (source `planner`). */
  candidate?: Candidate;
  /** The expected load, when the spec gives one. */
  load: LoadProfile | undefined;
  /** One line for the Planned condition. */
  message: string;
}

export interface UnsizedDeployment {
  kind: 'unsized';
  reason: string;
  message: string;
}

const ms = (ns: number): string => `${(ns / 1e6).toFixed(1)} ms`;

/**
 * Sizes a validated ModelDeployment against the cluster's GPUs. What the spec gives is kept;
 * what it leaves out (replicas, gpusPerReplica) comes from the one-click planner
 * (`planDeployment`, the analytic screen over the replica model) run over the GPU types the
 * cluster's nodes have, narrowed by `spec.gpuType` and by `gpusPerReplica` when given, with
 * tensor-parallel degrees no larger than the biggest node of each type (one screen per type). The planner's replica count
 * is clamped to [minReplicas, maxReplicas]. Nothing is invented: when no configuration meets the
 * SLO the result is `unsized` with the nearest candidates' misses.
 *
 * The verify step of `weft deploy` (simulating the cheapest candidates) is not run here: it
 * takes seconds per candidate, too long for a reconcile.
 */
export async function sizeDeployment(valid: ValidModelDeployment, model: string, nodes: readonly NodeSpec[]): Promise<SizedDeployment | UnsizedDeployment> {
  const gpus = clusterGpus(nodes);
  const load = valid.load === undefined ? undefined : await crLoadProfile(valid.load);
  const wanted = valid.demand.gpuType;
  if (valid.replicas !== undefined && valid.gpusPerReplica !== undefined) {
    // Explicit size: the engine is known when the GPU is (spec.gpuType, or the cluster's only type).
    const gpu = wanted !== undefined ? catalogGpu(wanted) : gpus.byKey.size === 1 ? [...gpus.byKey.keys()][0] : undefined;
    return {
      kind: 'sized',
      source: 'spec',
      replicas: valid.replicas,
      demand: { ...valid.demand, gpus: valid.gpusPerReplica },
      // vLLM serves in the checkpoint's bf16 unless told to quantize, so bf16 is the prediction's precision.
      engine: gpu === undefined ? undefined : { gpu, tp: valid.gpusPerReplica, precision: 'bf16' },
      load,
      message: `${valid.replicas} replica(s) x ${valid.gpusPerReplica} GPU(s) as given in the spec`,
    };
  }
  if (load === undefined) return { kind: 'unsized', reason: 'NoLoad', message: 'no spec.load for the planner' };
  let keys = [...gpus.byKey.keys()];
  if (wanted !== undefined) {
    const key = catalogGpu(wanted);
    if (key === undefined) return { kind: 'unsized', reason: 'UnknownGpuType', message: `spec.gpuType: ${JSON.stringify(wanted)} names no GPU of the catalog, so the planner cannot predict it` };
    keys = keys.filter((k) => k === key);
  }
  if (keys.length === 0) {
    const have = [...gpus.byKey.keys()].join(', ') || 'none';
    return { kind: 'unsized', reason: 'NoGpuNodes', message: `no Ready node with GPUs of ${wanted === undefined ? 'a catalog type' : JSON.stringify(wanted)} to plan for (the cluster's catalog GPU types: ${have}${gpus.unknown.length > 0 ? `; unknown labels: ${gpus.unknown.join(', ')}` : ''})` };
  }
  // One screen per GPU type: tensor-parallel degrees are bounded by that type's largest node
  // (planDeployment takes one list for every GPU), then the cheapest meeting candidate of all.
  const plans = [];
  for (const key of keys) {
    const largest = gpus.byKey.get(key)!.maxGpusPerNode;
    const tensorParallel = valid.gpusPerReplica !== undefined ? [valid.gpusPerReplica] : [1, 2, 4, 8].filter((tp) => tp <= largest);
    if (tensorParallel.length === 0 || tensorParallel[0]! > largest) continue;
    try {
      plans.push(
        planDeployment({
          model,
          slo: { ttftP99Ns: valid.sloNs.ttftP99, tpotP99Ns: valid.sloNs.tpotP99, e2eP99Ns: valid.sloNs.e2eP99 },
          load,
          gpus: [key],
          tensorParallel,
          ...(valid.maxReplicas === undefined ? {} : { maxReplicas: valid.maxReplicas }),
        }),
      );
    } catch (error) {
      return { kind: 'unsized', reason: 'PlanFailed', message: error instanceof Error ? error.message : String(error) };
    }
  }
  const plan = {
    // Cheapest first, as the planner orders candidates that meet; ties by worst ratio, then GPU name.
    chosen: plans
      .map((p) => p.chosen)
      .filter((c): c is Candidate => c !== undefined)
      .sort((a, b) => a.usdPerHour - b.usdPerHour || a.worstRatio - b.worstRatio || a.gpu.localeCompare(b.gpu))[0],
    nearest: plans.flatMap((p) => p.nearest).sort((a, b) => a.worstRatio - b.worstRatio).slice(0, 3),
    screened: plans.reduce((n, p) => n + p.screened, 0),
    meeting: plans.reduce((n, p) => n + p.candidates.filter((c) => c.meets).length, 0),
  };
  const chosen = plan.chosen;
  if (chosen === undefined) {
    const nearest = plan.nearest.map((c) => `${c.gpu} tp${c.tp} ${c.precision} x${c.replicas}: ${c.misses.join('; ')}`).join(' | ');
    return {
      kind: 'unsized',
      reason: 'NoConfigurationMeetsSLO',
      message: `the planner screened ${plan.screened} configurations on ${keys.join(', ')} and none meets the SLO at ${valid.load!.qps} req/s${valid.maxReplicas === undefined ? '' : ` within ${valid.maxReplicas} replicas`}${nearest === '' ? '' : `; nearest: ${nearest}`}`,
    };
  }
  // A replica needs a node whose GPUs match the chosen type; several label values for one key: the first.
  const gpuLabel = wanted ?? gpus.byKey.get(chosen.gpu)!.labels[0]!;
  const replicas = valid.replicas ?? Math.min(valid.maxReplicas ?? Infinity, Math.max(valid.minReplicas, chosen.replicas));
  const p = chosen.prediction;
  return {
    kind: 'sized',
    source: 'planner',
    replicas,
    demand: { ...valid.demand, gpus: chosen.tp, gpuType: gpuLabel },
    engine: { gpu: chosen.gpu, tp: chosen.tp, precision: chosen.precision },
    candidate: chosen,
    load,
    message:
      `planner: ${chosen.gpu} tp${chosen.tp} ${chosen.precision} x${chosen.replicas}${replicas === chosen.replicas ? '' : ` (clamped to ${replicas})`}, ` +
      `$${chosen.usdPerHour.toFixed(2)}/h, predicted TTFT p99 ${ms(p.ttftP99Ns)}, TPOT p99 ${ms(p.tpotP99Ns)} at ${valid.load!.qps} req/s ` +
      `(cheapest of ${plan.meeting} configurations meeting the SLO; analytic screen, ${plan.screened} screened)`,
  };
}

/** Predicted latency of one replica at a per-replica rate, for the SLO policy and the SLOMet fallback. */
export type Predictor = (requestsPerSecPerReplica: number, replicas: number) => ReturnType<ReplicaModel['predict']>;

/** The replica model of an engine under a load's lengths. */
export function predictorFor(model: string, engine: Engine, load: LoadProfile): Predictor {
  const gpu = getGpu(engine.gpu, { field: 'gpu' });
  const replicaModel = new ReplicaModel(
    makeDeployment({ model: getModel(model, 'model'), gpu, tp: engine.tp, weightPrecision: engine.precision }),
    nvlinkAlphaBetaCollectives(gpu),
    efficiencyFor(gpu.name),
  );
  return (rate, replicas) => replicaModel.predict(rate, load, Math.max(1, replicas));
}
