import { ClusterSpecSchema, type ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { catalogGpuFor, getGpu } from '../../gpu-model/index.js';
import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import { badInput } from '../../core/errors.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { round6 } from '../replay/job-report.js';
import type { LoadedJobTrace } from '../replay/job-source.js';
import { replayJobTrace } from '../replay/job-trace-replay.js';
import type { InferenceReplayOptions } from '../replay/serving-slo.js';
import type { DesignPoint, SweepSpec } from './sweep-spec.js';

/** What a design point's replay gave, and what the design costs. */
export interface PointResult {
  readonly design: string;
  readonly gpus: number;
  readonly gpuType: string;
  readonly oversubscription: number;
  readonly policy: string;
  /** GPUs at their hourly price plus the leaf-spine uplinks. */
  readonly costPerHourUsd: number;
  readonly jctMeanS: number;
  readonly jctP50S: number;
  readonly jctP99S: number;
  readonly multiServerJctMeanS: number;
  readonly queueMeanS: number;
  readonly queueP99S: number;
  readonly utilisationMean: number;
  readonly fragmentationMean: number;
  readonly preemptions: number;
  readonly finished: number;
  /** Jobs that never started or could never be placed on this design. */
  readonly unfinished: number;
  readonly makespanS: number;
  /** Share of the inference workloads' requests that met their SLO (null: the trace has none). */
  readonly inferenceAttainment: number | null;
  /** Inference deployments that served 99% of their requests within their p99 targets (null: none). */
  readonly inferenceMeetingSlo: number | null;
}

/** The leaf-spine cluster of a design point. */
export function designCluster(spec: SweepSpec, point: DesignPoint): ClusterSpec {
  const b = spec.base;
  return ClusterSpecSchema.parse({
    name: point.name,
    servers: [{ count: point.gpus / b.gpusPerServer, gpuType: point.gpuType, gpusPerServer: b.gpusPerServer, ...(b.nvlinkGbps > 0 ? { nvlink: { bandwidthGbps: b.nvlinkGbps } } : {}) }],
    topology: { kind: 'leaf-spine', hostsPerLeaf: b.hostsPerLeaf, oversubscription: point.oversubscription },
    linkSpeedGbps: b.linkSpeedGbps,
  });
}

/**
 * Cost per hour: GPUs at the sweep's price for their type (default the gpu-model catalog's) plus
 * every leaf-to-spine uplink (leaves x hostsPerLeaf / oversubscription, rounded up) at
 * `pricing.uplinkHourUsd`. A design that fits under one leaf has no uplinks.
 */
export function designCostPerHourUsd(spec: SweepSpec, point: DesignPoint): number {
  const key = catalogGpuFor(point.gpuType);
  if (key === undefined) throw badInput('unknown GPU type', { field: 'sweep.gpuType', value: point.gpuType, expected: 'a gpu-model catalog name or a prefix of one (h100, a100, b200, ...)' });
  const gpuHour = spec.pricing.gpuHourUsd[point.gpuType] ?? getGpu(key).pricePerGpuHourUsd;
  const leaves = Math.ceil(point.gpus / spec.base.hostsPerLeaf);
  const uplinks = leaves <= 1 ? 0 : leaves * Math.ceil(spec.base.hostsPerLeaf / point.oversubscription);
  return round6(point.gpus * gpuHour + uplinks * spec.pricing.uplinkHourUsd);
}

/** Replays the trace on one design point. */
export function evaluatePoint(spec: SweepSpec, point: DesignPoint, trace: LoadedJobTrace, profile: ProfileConfig, mapper: ModelClassMapper, seed: number, referenceGpu?: string, inference?: InferenceReplayOptions): PointResult {
  const { report } = replayJobTrace({
    trace, cluster: designCluster(spec, point), profile, seed, sampleEveryNs: 3600e9, mapper,
    ...(referenceGpu === undefined ? {} : { referenceGpu }),
    ...(inference === undefined ? {} : { inference }),
  });
  const r = report!;
  const unplaceable = Object.values(r.jobs.unplaceable).reduce((s, n) => s + n, 0);
  return {
    design: point.name, gpus: point.gpus, gpuType: point.gpuType, oversubscription: point.oversubscription, policy: point.policy,
    costPerHourUsd: designCostPerHourUsd(spec, point),
    jctMeanS: r.jctS.mean, jctP50S: r.jctS.p50, jctP99S: r.jctS.p99, multiServerJctMeanS: r.jctMultiServerS.mean,
    queueMeanS: r.queueingS.mean, queueP99S: r.queueingS.p99,
    utilisationMean: r.utilisation.mean, fragmentationMean: r.fragmentation.mean, preemptions: r.preemptions,
    finished: r.jobs.finished, unfinished: r.jobs.stillWaiting + unplaceable, makespanS: r.makespanS,
    inferenceAttainment: r.inference?.requestAttainment ?? null,
    inferenceMeetingSlo: r.inference?.meetingSlo ?? null,
  };
}
