import { parseEpochSeconds } from '../read/datetime.js';
import { readCsvRecords } from '../read/csv-records.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/**
 * How a Helios job ended. The five documented states, plus `SUSPENDED`, which the README says
 * occurs once (cluster Uranus).
 */
export const HELIOS_STATES = ['COMPLETED', 'CANCELLED', 'FAILED', 'TIMEOUT', 'NODE_FAIL', 'SUSPENDED'] as const;

/** One of HELIOS_STATES. */
export type HeliosState = (typeof HELIOS_STATES)[number];

/** One job of a Helios `cluster_log.csv`. */
export interface HeliosJob {
  jobId: string;
  /** Hashed user id (`u...`). */
  user: string;
  /** Hashed virtual cluster id (`vc...`). */
  vc: string;
  /** GPUs requested; 0 for CPU jobs. */
  gpus: number;
  cpus: number;
  nodes: number;
  state: HeliosState;
  /** Submission, start and end as whole seconds since the epoch (the trace gives no zone: read as UTC). */
  submitEpochS: number;
  startEpochS: number;
  endEpochS: number;
  /** Execution time as published (`end_time - start_time`), s. */
  durationS: number;
  /** Queueing time as published (`start_time - submit_time`), s. */
  queueS: number;
}

/**
 * The columns of `cluster_log.csv`, in the published order.
 * Source: SenseTime Helios traces, S-Lab-System-Group/HeliosData README ("Schema and
 * Description", `cluster_log.csv`), SC'21 "Characterization and Prediction of Deep Learning
 * Workloads in Large-Scale GPU Datacenters". Times are `YYYY-MM-DD HH:MM:SS`; `duration` and
 * `queue` are seconds.
 */
export const HELIOS_COLUMNS = [
  'job_id',
  'user',
  'vc',
  'gpu_num',
  'cpu_num',
  'node_num',
  'state',
  'submit_time',
  'start_time',
  'end_time',
  'duration',
  'queue',
] as const;

function state(text: string): HeliosState {
  const found = HELIOS_STATES.find((s) => s === text);
  if (found === undefined) throw new FieldError('state', text, `one of ${HELIOS_STATES.join(', ')}`);
  return found;
}

/**
 * Streams the jobs of a Helios `cluster_log.csv` (gzip when the name ends in `.gz`). Rows whose
 * times run backwards (start before submit, end before start) are malformed.
 */
export async function* readHeliosJobs(path: string, summary: ReadSummary): AsyncGenerator<HeliosJob> {
  yield* readCsvRecords(path, HELIOS_COLUMNS, summary, (row) => {
    const submitEpochS = parseEpochSeconds(row.string('submit_time'), 'submit_time');
    const startEpochS = parseEpochSeconds(row.string('start_time'), 'start_time');
    const endEpochS = parseEpochSeconds(row.string('end_time'), 'end_time');
    if (startEpochS < submitEpochS) throw new FieldError('start_time', row.string('start_time'), `a time not before submit_time ${row.string('submit_time')}`);
    if (endEpochS < startEpochS) throw new FieldError('end_time', row.string('end_time'), `a time not before start_time ${row.string('start_time')}`);
    const jobId = row.string('job_id');
    if (jobId === '') throw new FieldError('job_id', jobId, 'a non-empty job id');
    return {
      jobId,
      user: row.string('user'),
      vc: row.string('vc'),
      gpus: row.number('gpu_num', { integer: true, min: 0 }),
      cpus: row.number('cpu_num', { integer: true, min: 0 }),
      nodes: row.number('node_num', { integer: true, min: 0 }),
      state: state(row.string('state')),
      submitEpochS,
      startEpochS,
      endEpochS,
      durationS: row.number('duration', { min: 0 }),
      queueS: row.number('queue', { min: 0 }),
    };
  });
}
