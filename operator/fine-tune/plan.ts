import { planFineTune, type FineTuneCandidate, type NodeSpec } from '../../scheduler/index.js';
import { catalogGpu, clusterGpus } from '../planning/gpu-catalog.js';
import type { ValidFineTuneJob } from './validate.js';

/** A planned job: layout, GPU type and worker shape. */
export interface PlannedJob {
  kind: 'planned';
  /** Catalog key and the node label value pods ask for. */
  gpu: string;
  gpuLabel: string;
  candidate: FineTuneCandidate;
  /** Workers of the planned gang (candidate.gpus / gpusPerWorker): the job starts with all of them or none. */
  minWorkers: number;
  /** Most workers lending may grow it to (maxGpus / gpusPerWorker). */
  maxWorkers: number;
  gpusPerWorker: number;
  gpusPerServer: number;
  meetsDeadline: boolean;
  message: string;
}

export interface UnplannedJob {
  kind: 'unplanned';
  reason: string;
  message: string;
}

const hours = (ns: number): string => `${(ns / 3600e9).toFixed(2)} h`;

/**
 * Plans a FineTuneJob with the scheduler's `planFineTune` (GPU count x dp/tp/pp x ZeRO x
 * recompute x micro-batch, fitting memory, timed by gpu-model with the fabric's collectives;
 * the cheapest meeting the deadline) on each of the cluster's GPU types (or spec.gpuType) with
 * that type's server size, and keeps the cheapest. With no layout meeting the deadline the
 * fastest is kept and `meetsDeadline` is false (the job still runs; the status says it is
 * late). `nowMs` is when the deadline is counted from.
 */
export function planJob(valid: ValidFineTuneJob, model: string, nodes: readonly NodeSpec[], nowMs: number): PlannedJob | UnplannedJob {
  const gpus = clusterGpus(nodes);
  let keys = [...gpus.byKey.keys()];
  const wanted = valid.demand.gpuType;
  if (wanted !== undefined) {
    const key = catalogGpu(wanted);
    if (key === undefined) return { kind: 'unplanned', reason: 'UnknownGpuType', message: `spec.gpuType: ${JSON.stringify(wanted)} names no GPU of the catalog` };
    keys = keys.filter((k) => k === key);
  }
  if (keys.length === 0) return { kind: 'unplanned', reason: 'NoGpuNodes', message: `no Ready node with GPUs of ${wanted === undefined ? 'a catalog type' : JSON.stringify(wanted)}` };
  const deadlineNs = valid.deadlineMs === undefined ? Infinity : (valid.deadlineMs - nowMs) * 1e6;
  if (!(deadlineNs > 0)) return { kind: 'unplanned', reason: 'DeadlinePassed', message: `spec.deadline ${new Date(valid.deadlineMs!).toISOString()} has passed` };
  const options: PlannedJob[] = [];
  const problems: string[] = [];
  for (const key of keys) {
    const perServer = gpus.byKey.get(key)!.maxGpusPerNode;
    let plan;
    try {
      plan = planFineTune({ model, method: valid.method, tokens: valid.tokens, minGpus: valid.minGpus, maxGpus: valid.maxGpus, deadlineNs, gpu: key, gpusPerServer: perServer, baseWeightPrecision: valid.baseWeightPrecision });
    } catch (error) {
      problems.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    // The cheapest meeting the deadline, else the fastest (planFineTune orders late ones by completion).
    const candidate = plan.chosen ?? plan.candidates[0];
    if (candidate === undefined) {
      problems.push(`${key}: no layout fits memory between ${valid.minGpus} and ${valid.maxGpus} GPUs`);
      continue;
    }
    const gpusPerWorker = valid.gpusPerWorker ?? Math.min(candidate.gpus, perServer);
    if (candidate.gpus % gpusPerWorker !== 0 || gpusPerWorker > perServer) {
      problems.push(`${key}: the planned ${candidate.gpus} GPUs do not split into workers of spec.gpusPerWorker ${gpusPerWorker} on ${perServer}-GPU nodes`);
      continue;
    }
    options.push({
      kind: 'planned',
      gpu: key,
      gpuLabel: wanted ?? gpus.byKey.get(key)!.labels[0]!,
      candidate,
      minWorkers: candidate.gpus / gpusPerWorker,
      maxWorkers: Math.max(candidate.gpus / gpusPerWorker, Math.floor(valid.maxGpus / gpusPerWorker)),
      gpusPerWorker,
      gpusPerServer: perServer,
      meetsDeadline: candidate.meetsDeadline,
      message:
        `planner: ${candidate.gpus} x ${key} (dp${candidate.dp} tp${candidate.tp} pp${candidate.pp} ZeRO-${candidate.zeroStage}${candidate.recompute ? ' recompute' : ''}), ` +
        `${candidate.gpus / gpusPerWorker} worker(s) x ${gpusPerWorker} GPU(s), step ${(candidate.stepTimeNs / 1e6).toFixed(0)} ms, ` +
        `${hours(candidate.completionNs)}, $${candidate.usd.toFixed(0)}${valid.deadlineMs === undefined ? '' : candidate.meetsDeadline ? ' (meets the deadline)' : ' (fastest layout; misses the deadline)'}`,
    });
  }
  // Deadline met first, then cheapest, then fastest.
  options.sort((a, b) => Number(b.meetsDeadline) - Number(a.meetsDeadline) || a.candidate.usd - b.candidate.usd || a.candidate.completionNs - b.candidate.completionNs);
  const best = options[0];
  if (best === undefined) return { kind: 'unplanned', reason: 'NoLayout', message: problems.join('; ') };
  return best;
}

/**
 * How long the job takes on `gpus` GPUs of its type (the fastest layout at exactly that
 * count), for the deadline prediction after lending or reclaiming changed its size; undefined
 * when planFineTune has no layout at that count (counts are powers of two within a server, or
 * whole servers).
 */
export function completionAt(valid: ValidFineTuneJob, model: string, planned: PlannedJob, gpus: number): number | undefined {
  if (gpus === planned.candidate.gpus) return planned.candidate.completionNs;
  try {
    const plan = planFineTune({ model, method: valid.method, tokens: valid.tokens, minGpus: gpus, maxGpus: gpus, deadlineNs: Infinity, gpu: planned.gpu, gpusPerServer: planned.gpusPerServer, baseWeightPrecision: valid.baseWeightPrecision });
    return plan.candidates.find((c) => c.gpus === gpus)?.completionNs;
  } catch {
    return undefined;
  }
}
