import type { AcmeJob } from '../formats/acme.js';
import type { PaiJob, PaiStatus } from '../formats/alibaba-v2020-jobs.js';
import type { SpotGpuJob } from '../formats/alibaba-v2026-jobs.js';
import type { HeliosJob } from '../formats/helios.js';
import type { PhillyJob } from '../formats/philly.js';
import type { PolluxJob } from '../formats/pollux.js';
import { FieldError } from '../read/read-summary.js';
import type { InferenceSpec, RecordedStatus, TrainingSpec, WorkloadArrival } from '../weft/records.js';
import type { JobFeatures, ModelClassMapper } from './model-class-rules.js';

/**
 * Conversion of public job-trace rows into Weft workload arrivals (trace.proto), with the model
 * class the mapping picks. Jobs without GPUs (CPU jobs of Helios and Acme) are kept, with no
 * model class, so that every row is accounted for.
 */

const NS_PER_S = 1e9;

/** Arrival time of a submission after the trace origin, ns. */
function arrivalNs(submitEpochS: number, originEpochS: number, field: string): number {
  if (submitEpochS < originEpochS) throw new FieldError(field, String(submitEpochS), `a time not before the trace origin (${originEpochS} s since the epoch)`);
  return (submitEpochS - originEpochS) * NS_PER_S;
}

/**
 * A job's spec: training with its model class, or, when the matching rule says `serve`, a serving
 * deployment of the class's catalog model: replicas of the rule's `gpusPerReplica`, else the
 * trace's GPUs per instance, else one replica of all its GPUs; replicas = GPUs / GPUs per
 * replica, rounded up. Latency targets are left to the replay (`--slo`).
 */
function training(mapper: ModelClassMapper, job: JobFeatures, extra: Omit<TrainingSpec, 'kind' | 'gpus' | 'modelClass' | 'application'>): TrainingSpec | InferenceSpec {
  const chosen = job.gpus === 0 ? undefined : mapper.classOf(job);
  if (chosen?.rule.serve === true) {
    const gpusPerReplica = chosen.rule.gpusPerReplica ?? Math.max(1, Math.ceil(job.gpusPerInstance ?? job.gpus));
    return {
      kind: 'inference', model: chosen.modelClass.catalogModel!, gpuType: extra.gpuType, gpusPerReplica,
      replicas: Math.ceil(job.gpus / gpusPerReplica), ttftP99Ms: 0, tpotP99Ms: 0, requestStream: '',
    };
  }
  return {
    kind: 'training',
    gpus: job.gpus,
    modelClass: chosen === undefined ? '' : chosen.modelClass.name,
    application: job.application ?? '',
    ...extra,
  };
}

/** Slurm-style end states of Helios and Acme, normalised. */
function slurmStatus(state: string): RecordedStatus {
  switch (state) {
    case 'COMPLETED':
      return 'COMPLETED';
    case 'CANCELLED':
      return 'CANCELLED';
    case 'FAILED':
    case 'TIMEOUT':
    case 'NODE_FAIL':
      return 'FAILED';
    default:
      return 'UNSPECIFIED';
  }
}

/** A Philly job: queue is the virtual cluster; recorded run time is the sum of its attempts. */
export function phillyArrival(job: PhillyJob, originEpochS: number, mapper: ModelClassMapper): WorkloadArrival {
  const complete = job.attempts.some((a) => a.startEpochS !== undefined && a.endEpochS !== undefined);
  const features: JobFeatures = { source: 'philly', gpus: job.gpus, ...(complete ? { runS: job.runS } : {}) };
  const firstStart = job.attempts.find((a) => a.startEpochS !== undefined)?.startEpochS;
  const status: RecordedStatus = job.running ? 'RUNNING' : job.status === 'Pass' ? 'COMPLETED' : job.status === 'Killed' ? 'CANCELLED' : 'FAILED';
  return {
    id: job.jobId,
    arrivalNs: arrivalNs(job.submitEpochS, originEpochS, 'submitted_time'),
    user: job.user,
    queue: job.vc,
    priority: 0,
    spec: training(mapper, features, { nodes: Math.max(0, ...job.attempts.map((a) => a.machines.length)), cpus: 0, gpuType: '', batchSize: 0 }),
    recorded: {
      status,
      sourceStatus: job.status,
      ...(firstStart === undefined || firstStart < job.submitEpochS ? {} : { queuedNs: (firstStart - job.submitEpochS) * NS_PER_S }),
      ...(complete ? { runNs: job.runS * NS_PER_S } : {}),
    },
  };
}

/** A Helios job: queue is the virtual cluster. */
export function heliosArrival(job: HeliosJob, originEpochS: number, mapper: ModelClassMapper): WorkloadArrival {
  const features: JobFeatures = { source: 'helios', gpus: job.gpus, runS: job.durationS };
  return {
    id: job.jobId,
    arrivalNs: arrivalNs(job.submitEpochS, originEpochS, 'submit_time'),
    user: job.user,
    queue: job.vc,
    priority: 0,
    spec: training(mapper, features, { nodes: job.nodes, cpus: job.cpus, gpuType: '', batchSize: 0 }),
    recorded: { status: slurmStatus(job.state), sourceStatus: job.state, queuedNs: Math.round(job.queueS * NS_PER_S), runNs: Math.round(job.durationS * NS_PER_S) },
  };
}

/** An Acme job: its workload type is the application the mapping reads. */
export function acmeArrival(job: AcmeJob, originEpochS: number, mapper: ModelClassMapper): WorkloadArrival {
  const features: JobFeatures = { source: 'acme', gpus: job.gpus, runS: job.durationS, application: job.type };
  return {
    id: job.jobId,
    arrivalNs: arrivalNs(job.submitEpochS, originEpochS, 'submit_time'),
    user: job.user,
    queue: '',
    priority: 0,
    spec: training(mapper, features, { nodes: job.nodes, cpus: job.cpus, gpuType: '', batchSize: 0 }),
    recorded: {
      status: slurmStatus(job.state),
      sourceStatus: job.state,
      ...(job.queueS === undefined ? {} : { queuedNs: Math.round(job.queueS * NS_PER_S) }),
      runNs: Math.round(job.durationS * NS_PER_S),
    },
  };
}

/** A Pollux job: elastic, no recorded outcome; its replicas are its GPUs at submission. */
export function polluxArrival(job: PolluxJob, mapper: ModelClassMapper): WorkloadArrival {
  const features: JobFeatures = { source: 'pollux', gpus: job.replicas, application: job.application };
  return {
    id: job.name,
    arrivalNs: Math.round(job.submitNs),
    user: '',
    queue: '',
    priority: 0,
    spec: training(mapper, features, { nodes: 0, cpus: 0, gpuType: '', batchSize: job.batchSize }),
  };
}

/**
 * A spot-GPU (v2026) job: GPUs are `gpu_request x worker_num` (rounded up to whole GPUs),
 * high-priority jobs get priority 1 and spot jobs 0, the organisation is the queue, the job type
 * (`HP`, `Spot`) is the application a mapping rule can match. The trace records a duration but
 * no outcome.
 */
export function spotGpuArrival(job: SpotGpuJob, mapper: ModelClassMapper): WorkloadArrival {
  const gpus = Math.ceil(job.gpusPerWorker * job.workers);
  const features: JobFeatures = { source: 'alibaba-v2026-spot', gpus, runS: job.durationS, application: job.jobType, gpusPerInstance: job.gpusPerWorker };
  return {
    id: job.jobName,
    arrivalNs: Math.round(job.submitS * NS_PER_S),
    user: '',
    queue: job.organization,
    priority: job.jobType === 'HP' ? 1 : 0,
    spec: training(mapper, features, { nodes: job.workers, cpus: job.cpusPerWorker * job.workers, gpuType: job.gpuModel, batchSize: 0 }),
    recorded: { status: 'UNSPECIFIED', sourceStatus: job.jobType, runNs: Math.round(job.durationS * NS_PER_S) },
  };
}

/** What the PAI v2020 task table says about one job, summed over its tasks. */
export interface PaiJobResources {
  /** Whole GPUs: the sum of instances x requested GPU fraction, rounded up (GPU sharing below one counts as one). */
  gpus: number;
  cpus: number;
  instances: number;
  /** The first GPU type assigned to any task ('' when none). */
  gpuType: string;
  firstStartS?: number;
  lastEndS?: number;
}

function paiStatus(status: PaiStatus): RecordedStatus {
  switch (status) {
    case 'Terminated':
      return 'COMPLETED';
    case 'Failed':
      return 'FAILED';
    case 'Running':
      return 'RUNNING';
    case 'Waiting':
      return 'UNSPECIFIED';
  }
}

/**
 * A PAI v2020 job joined with its tasks' resources and its workload tag (`workload` of
 * pai_group_tag_table, '' when untagged). Queueing is the first task's launch minus the job's
 * submission; run time is the last task end minus the first launch.
 */
export function paiArrival(job: PaiJob, resources: PaiJobResources, workload: string, originS: number, mapper: ModelClassMapper): WorkloadArrival {
  const { firstStartS, lastEndS } = resources;
  const runS = firstStartS !== undefined && lastEndS !== undefined && lastEndS >= firstStartS ? lastEndS - firstStartS : undefined;
  const features: JobFeatures = { source: 'alibaba-v2020', gpus: resources.gpus, ...(runS === undefined ? {} : { runS }), ...(workload === '' ? {} : { application: workload }) };
  return {
    id: job.jobName,
    arrivalNs: arrivalNs(job.submitS, originS, 'start_time'),
    user: job.user,
    queue: '',
    priority: 0,
    spec: training(mapper, features, { nodes: resources.instances, cpus: resources.cpus, gpuType: resources.gpuType, batchSize: 0 }),
    recorded: {
      status: paiStatus(job.status),
      sourceStatus: job.status,
      ...(firstStartS === undefined || firstStartS < job.submitS ? {} : { queuedNs: Math.round((firstStartS - job.submitS) * NS_PER_S) }),
      ...(runS === undefined ? {} : { runNs: Math.round(runS * NS_PER_S) }),
    },
  };
}
