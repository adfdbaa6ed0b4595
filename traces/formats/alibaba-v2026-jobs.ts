import { readCsvRecords } from '../read/csv-records.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/** Job types of the spot-GPU trace: high-priority (strict SLOs) and spot (opportunistic). */
export const SPOT_JOB_TYPES = ['HP', 'Spot'] as const;
export type SpotJobType = (typeof SPOT_JOB_TYPES)[number];

/** One job of the spot-GPU trace's `job_info_df.csv`. */
export interface SpotGpuJob {
  jobName: string;
  /** Cost organisation (department, agency, ...). */
  organization: string;
  /** GPU model requested, as the trace names it. */
  gpuModel: string;
  /** Requested per instance (the trace's `cpu_request` and `gpu_request`). */
  cpusPerWorker: number;
  gpusPerWorker: number;
  /** Instances requested. */
  workers: number;
  /** Submission, s after the first submitted job. */
  submitS: number;
  durationS: number;
  jobType: SpotJobType;
}

/**
 * The columns of `job_info_df.csv` in the published order.
 * Source: alibaba/clusterdata `cluster-trace-v2026-spot-gpu/README.md` (workload dataset; GFS,
 * ASPLOS'26): `job_name,organization,gpu_model,cpu_request,gpu_request,worker_num,submit_time,
 * duration,job_type`, times in seconds, `submit_time` relative to the first submitted job.
 * `gpu_request` and `cpu_request` are read as per-instance requests (the README's example has
 * jobs of 16 and 94 instances requesting 1 GPU each), so a job's GPUs are
 * `gpu_request x worker_num`.
 */
export const SPOT_JOB_COLUMNS = ['job_name', 'organization', 'gpu_model', 'cpu_request', 'gpu_request', 'worker_num', 'submit_time', 'duration', 'job_type'] as const;

/** Streams `job_info_df.csv` (gzip when the name ends in `.gz`); columns are found by header name. */
export async function* readSpotGpuJobs(path: string, summary: ReadSummary): AsyncGenerator<SpotGpuJob> {
  yield* readCsvRecords(path, SPOT_JOB_COLUMNS, summary, (row) => {
    const jobName = row.string('job_name');
    if (jobName === '') throw new FieldError('job_name', jobName, 'a non-empty job name');
    const type = row.string('job_type');
    const jobType = SPOT_JOB_TYPES.find((t) => t === type);
    if (jobType === undefined) throw new FieldError('job_type', type, `one of ${SPOT_JOB_TYPES.join(', ')}`);
    return {
      jobName,
      organization: row.string('organization'),
      gpuModel: row.string('gpu_model'),
      cpusPerWorker: row.number('cpu_request', { min: 0 }),
      gpusPerWorker: row.number('gpu_request', { min: 0 }),
      workers: row.number('worker_num', { min: 1, integer: true }),
      submitS: row.number('submit_time', { min: 0 }),
      durationS: row.number('duration', { min: 0 }),
      jobType,
    };
  });
}
