import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { getGpu } from '../../gpu-model/index.js';
import { badInput } from '../../core/errors.js';
import { TargetWorkload } from '../../scheduler/fgd/target-workload.js';
import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import { podSpec } from '../../scheduler/workload/pod.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { resultFigures, round6, type JobReplayReport } from './job-report.js';
import { podGpus } from './job-replay.js';
import type { LoadedJobTrace } from './job-source.js';
import { replayCluster, type ReplayCluster } from './replay-cluster.js';
import { toReplayJob, type ReplayJob } from './replay-job.js';
import { runJobReplay, type CheckpointOptions } from './run-job-replay.js';
import { ServingEvaluator, type InferenceReplayOptions } from './serving-slo.js';
import { REFERENCE_GPU } from './step-work.js';

export interface JobTraceReplayInput {
  readonly trace: LoadedJobTrace;
  readonly cluster: ClusterSpec;
  readonly profile: ProfileConfig;
  readonly seed: number;
  readonly sampleEveryNs: number;
  readonly mapper: ModelClassMapper;
  /** Catalog GPU the recorded run times are taken to be on (default: per source, step-work.ts). */
  readonly referenceGpu?: string;
  readonly checkpoint?: CheckpointOptions;
  readonly onProgress?: (arrivals: number, total: number) => void;
  /** Events per rebuild segment (run-job-replay.ts); tests use small ones. */
  readonly segmentEvents?: number;
  /** Request load and targets of the inference workloads (required when the trace has any: serving-slo.ts). */
  readonly inference?: InferenceReplayOptions;
}

export interface JobTraceReplayResult {
  /** Undefined when the run stopped at a checkpoint before its end. */
  readonly report: JobReplayReport | undefined;
  readonly stopped: boolean;
  readonly resumedAt: number;
}

/** The replay jobs of a trace and the rows not replayed, by reason. */
export function replayJobsOf(trace: LoadedJobTrace, cluster: ReplayCluster, mapper: ModelClassMapper, referenceGpu: string): { jobs: ReplayJob[]; skipped: Record<string, number> } {
  const conversion = { mapper, source: trace.source, referenceGpu: getGpu(referenceGpu, { field: '--reference-gpu' }), fabric: cluster.fabric, gpusPerServer: cluster.gpusPerServer };
  const jobs: ReplayJob[] = [];
  const skipped: Record<string, number> = {};
  for (const arrival of trace.arrivals) {
    const converted = toReplayJob(arrival, jobs.length, conversion);
    if ('job' in converted) jobs.push(converted.job);
    else skipped[converted.skip] = (skipped[converted.skip] ?? 0) + 1;
  }
  if (trace.malformedRows > 0) skipped['malformed row (see the read summary)'] = trace.malformedRows;
  return { jobs, skipped };
}

/** FGD's target workload: the pod shapes the jobs split into (whole GPUs, at most a server each). */
function targetWorkload(jobs: readonly ReplayJob[], gpusPerServer: number): TargetWorkload {
  const pods = jobs.flatMap((j) => podGpus(j, gpusPerServer).map((gpus, k) => podSpec({ name: `j${j.index}-${k}`, gpuCount: gpus, gpuMilli: 1000 })));
  return TargetWorkload.fromPods(pods);
}

/**
 * Replays a loaded job trace on a cluster with one scheduler profile: every job mapped to a
 * model class and given its work (replay-job.ts), placed by the profile, run for a time that
 * depends on its placement and the fabric, and reported (job-report.ts). Deterministic for the
 * inputs and seed; resumable from a checkpoint.
 */
export function replayJobTrace(input: JobTraceReplayInput): JobTraceReplayResult {
  const cluster = replayCluster(input.cluster);
  const referenceGpu = input.referenceGpu ?? REFERENCE_GPU[input.trace.source] ?? REFERENCE_GPU.synthetic!;
  const { jobs, skipped } = replayJobsOf(input.trace, cluster, input.mapper, referenceGpu);
  const deployments = jobs.filter((j) => j.serving !== undefined).length;
  if (deployments > 0 && input.inference === undefined) {
    throw badInput('the trace has inference workloads but no request load was given', { field: 'inference', value: deployments, expected: 'a request load for the serving deployments (weft replay --inference-load)' });
  }
  const needsWorkload = input.profile.plugins.some((p) => p.name === 'FGD');
  const run = runJobReplay({
    replay: {
      cluster, profile: input.profile, seed: input.seed, sampleEveryNs: input.sampleEveryNs,
      ...(needsWorkload ? { workload: targetWorkload(jobs, cluster.gpusPerServer) } : {}),
    },
    jobs,
    ...(input.checkpoint === undefined ? {} : { checkpoint: input.checkpoint }),
    ...(input.segmentEvents === undefined ? {} : { segmentEvents: input.segmentEvents }),
    onProgress: (arrivals) => input.onProgress?.(arrivals, jobs.length),
  });
  if (run.stopped) return { report: undefined, stopped: true, resumedAt: run.resumedAt };
  const { results, waiting } = run.state;
  const report: JobReplayReport = {
    trace: { name: input.trace.name, format: input.trace.source, rows: input.trace.arrivals.length + input.trace.malformedRows },
    cluster: {
      name: cluster.name, servers: cluster.nodes.length, gpus: cluster.totalGpus,
      gpuType: [...new Set(cluster.gpuOfNode.map((g) => g.name))].join('+'),
      nicGbps: cluster.fabric.nicGbps, oversubscription: cluster.fabric.oversubscription,
    },
    policy: input.profile.name,
    seed: input.seed,
    referenceGpu,
    jobs: {
      rows: input.trace.arrivals.length + input.trace.malformedRows,
      replayed: jobs.length,
      finished: results.jctNs.length,
      stillWaiting: waiting.length,
      deployments,
      skipped,
      unplaceable: results.unplaceable,
    },
    ...resultFigures(results),
    sampleEveryS: round6(input.sampleEveryNs / 1e9),
    samples: results.samples,
    ...(deployments === 0 ? {} : { inference: new ServingEvaluator(input.inference!, referenceGpu, input.seed, input.trace.requestStreams).report(results.deployments) }),
  };
  return { report, stopped: false, resumedAt: run.resumedAt };
}
