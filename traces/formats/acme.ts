import { parseEpochSeconds, parseOptionalEpochSeconds } from '../read/datetime.js';
import { readCsvRecords } from '../read/csv-records.js';
import type { CsvRow } from '../read/csv.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/** How an Acme job ended (the five documented states). */
export const ACME_STATES = ['COMPLETED', 'CANCELLED', 'FAILED', 'TIMEOUT', 'NODE_FAIL'] as const;

/** One of ACME_STATES. */
export type AcmeState = (typeof ACME_STATES)[number];

/** One job of an Acme `trace_seren.csv` or `trace_kalos.csv`. */
export interface AcmeJob {
  jobId: string;
  user: string;
  nodes: number;
  /** GPUs of the job; 0 for CPU jobs. */
  gpus: number;
  cpus: number;
  /**
   * Workload type in LLM development, verbatim (the NSDI'24 paper's categories: Pretrain, SFT,
   * MLLM, Evaluation, Debug, Other); the model-class mapping reads it.
   */
  type: string;
  state: AcmeState;
  /** Whole seconds since the epoch (the trace's times carry their UTC offset). */
  submitEpochS: number;
  /** Undefined when the trace leaves it empty (a job that never started). */
  startEpochS?: number;
  endEpochS?: number;
  /** Execution time as published (`end_time - start_time`), s. */
  durationS: number;
  /** Queueing time as published (`start_time - submit_time`), s; undefined when empty. */
  queueS?: number;
  /** GPU time as published (`duration * gpu_num`), GPU-s; undefined when empty. */
  gpuTimeS?: number;
  /** Kalos only: pod memory, GB, and shared memory per pod as published. */
  memPerPodGB?: number;
  sharedMemPerPod?: number;
  /** Kalos only: when the failure occurred, and when the job stopped (empty: not applicable). */
  failEpochS?: number;
  stopEpochS?: number;
}

/**
 * The columns both Acme clusters publish, in the Seren order.
 * Source: Shanghai AI Lab Acme traces, InternLM/AcmeTrace README ("Schema and Description",
 * 1. Job Trace), NSDI'24 "Characterization of Large Language Model Development in the
 * Datacenter". Seren: `job_id,user,node_num,gpu_num,cpu_num,type,state,submit_time,start_time,
 * end_time,duration,queue,gpu_time`. Kalos adds `mem_per_pod_GB,shared_mem_per_pod` after
 * `cpu_num` and `fail_time,stop_time` after `end_time`. Times look like
 * `2023-03-01 00:18:22+08:00`; `duration` and `queue` are seconds (Kalos writes `10.0`).
 */
export const ACME_COLUMNS = [
  'job_id',
  'user',
  'node_num',
  'gpu_num',
  'cpu_num',
  'type',
  'state',
  'submit_time',
  'start_time',
  'end_time',
  'duration',
  'queue',
  'gpu_time',
] as const;

/** The Kalos-only columns, read when the header has them. */
export const ACME_KALOS_COLUMNS = ['mem_per_pod_GB', 'shared_mem_per_pod', 'fail_time', 'stop_time'] as const;

function state(text: string): AcmeState {
  const found = ACME_STATES.find((s) => s === text);
  if (found === undefined) throw new FieldError('state', text, `one of ${ACME_STATES.join(', ')}`);
  return found;
}

function optionalNumber(row: CsvRow, column: string): number | undefined {
  if (!row.has(column)) return undefined;
  const text = row.string(column);
  return text === '' || text === 'NaN' ? undefined : row.number(column, { min: 0 });
}

function optionalTime(row: CsvRow, column: string): number | undefined {
  return row.has(column) ? parseOptionalEpochSeconds(row.string(column), column) : undefined;
}

function parseAcmeRow(row: CsvRow): AcmeJob {
  const jobId = row.string('job_id');
  if (jobId === '') throw new FieldError('job_id', jobId, 'a non-empty job id');
  const type = row.string('type');
  if (type === '') throw new FieldError('type', type, 'a workload type such as Pretrain, SFT, Evaluation, Debug or Other');
  const submitEpochS = parseEpochSeconds(row.string('submit_time'), 'submit_time');
  const startEpochS = optionalTime(row, 'start_time');
  const endEpochS = optionalTime(row, 'end_time');
  if (startEpochS !== undefined && startEpochS < submitEpochS) {
    throw new FieldError('start_time', row.string('start_time'), `a time not before submit_time ${row.string('submit_time')}`);
  }
  if (startEpochS !== undefined && endEpochS !== undefined && endEpochS < startEpochS) {
    throw new FieldError('end_time', row.string('end_time'), `a time not before start_time ${row.string('start_time')}`);
  }
  const job: AcmeJob = {
    jobId,
    user: row.string('user'),
    nodes: row.number('node_num', { integer: true, min: 0 }),
    gpus: row.number('gpu_num', { integer: true, min: 0 }),
    cpus: row.number('cpu_num', { integer: true, min: 0 }),
    type,
    state: state(row.string('state')),
    submitEpochS,
    durationS: row.number('duration', { min: 0 }),
  };
  const optional: Record<string, number | undefined> = {
    startEpochS,
    endEpochS,
    queueS: optionalNumber(row, 'queue'),
    gpuTimeS: optionalNumber(row, 'gpu_time'),
    memPerPodGB: optionalNumber(row, 'mem_per_pod_GB'),
    sharedMemPerPod: optionalNumber(row, 'shared_mem_per_pod'),
    failEpochS: optionalTime(row, 'fail_time'),
    stopEpochS: optionalTime(row, 'stop_time'),
  };
  // Only the values the row has are set: an absent column or empty cell stays absent.
  return Object.assign(job, Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)));
}

/**
 * Streams the jobs of an Acme job trace (`trace_seren.csv` or `trace_kalos.csv`, gzip when the
 * name ends in `.gz`); the Kalos-only columns are read when the header has them.
 */
export async function* readAcmeJobs(path: string, summary: ReadSummary): AsyncGenerator<AcmeJob> {
  yield* readCsvRecords(path, ACME_COLUMNS, summary, parseAcmeRow);
}
