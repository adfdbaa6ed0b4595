import { readHeaderlessCsvRecords } from '../read/csv-records.js';
import type { CsvRow } from '../read/csv.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/*
 * Alibaba PAI job, task and group-tag tables (cluster-trace-gpu-v2020, NSDI'22 "MLaaS in the
 * Wild", CC BY 4.0). The CSV files have no header row; the column order is the one published in
 * the trace's `data/*.header` files and README ("2 Data Files in the Trace"), alibaba/clusterdata.
 * Times are seconds, shifted by a constant for desensitisation (only differences matter).
 */

/** `pai_job_table.header`. */
export const PAI_JOB_COLUMNS = ['job_name', 'inst_id', 'user', 'status', 'start_time', 'end_time'] as const;
/** `pai_task_table.header`. */
export const PAI_TASK_COLUMNS = ['job_name', 'task_name', 'inst_num', 'status', 'start_time', 'end_time', 'plan_cpu', 'plan_mem', 'plan_gpu', 'gpu_type'] as const;
/** `pai_group_tag_table.header`. */
export const PAI_GROUP_TAG_COLUMNS = ['inst_id', 'user', 'gpu_type_spec', 'group', 'workload'] as const;

/** Job and task statuses the README lists; only `Terminated` is a success. */
export const PAI_STATUSES = ['Running', 'Terminated', 'Failed', 'Waiting'] as const;
export type PaiStatus = (typeof PAI_STATUSES)[number];

/** One row of `pai_job_table`. */
export interface PaiJob {
  jobName: string;
  /** The job id the other tables join on. */
  instId: string;
  user: string;
  status: PaiStatus;
  /** Submission, s (shifted). */
  submitS: number;
  /** Completion, s (shifted); undefined when the job had not ended. */
  endS?: number;
}

/** One row of `pai_task_table`. */
export interface PaiTask {
  jobName: string;
  taskName: string;
  instances: number;
  status: PaiStatus;
  /** Launch and completion, s (shifted); undefined when empty. */
  startS?: number;
  endS?: number;
  /** Requested per instance: vCPUs (plan_cpu / 100), memory GB, GPUs (plan_gpu / 100, fractions allowed). */
  cpusPerInstance: number;
  memoryGBPerInstance: number;
  gpusPerInstance: number;
  /** GPU type assigned ('' when none; `MISC` for older generations). */
  gpuType: string;
}

/** One row of `pai_group_tag_table`. */
export interface PaiGroupTag {
  instId: string;
  user: string;
  /** GPU type the instance asked for ('' = any). */
  gpuTypeSpec: string;
  group: string;
  /** Workload tag (`bert`, `ctr`, `graphlearn`, ...; about 9% of instances have one), '' when none. */
  workload: string;
}

function status(row: CsvRow): PaiStatus {
  const text = row.string('status');
  const found = PAI_STATUSES.find((s) => s === text);
  if (found === undefined) throw new FieldError('status', text, `one of ${PAI_STATUSES.join(', ')}`);
  return found;
}

function optionalSeconds(row: CsvRow, column: string): number | undefined {
  const text = row.string(column);
  return text === '' || text === 'NaN' ? undefined : row.number(column, { min: 0 });
}

/** A percentage column as a fraction of one unit (600.0 -> 6); empty is 0. */
function percent(row: CsvRow, column: string): number {
  return row.string(column) === '' ? 0 : row.number(column, { min: 0 }) / 100;
}

function required(row: CsvRow, column: string): string {
  const text = row.string(column);
  if (text === '') throw new FieldError(column, text, 'a non-empty value');
  return text;
}

/** Streams `pai_job_table.csv` (gzip when the name ends in `.gz`). */
export async function* readPaiJobs(path: string, summary: ReadSummary): AsyncGenerator<PaiJob> {
  yield* readHeaderlessCsvRecords(path, PAI_JOB_COLUMNS, summary, (row) => {
    const submitS = row.number('start_time', { min: 0 });
    const endS = optionalSeconds(row, 'end_time');
    if (endS !== undefined && endS < submitS) throw new FieldError('end_time', row.string('end_time'), `a time not before start_time ${row.string('start_time')}`);
    const job: PaiJob = { jobName: required(row, 'job_name'), instId: required(row, 'inst_id'), user: row.string('user'), status: status(row), submitS };
    if (endS !== undefined) job.endS = endS;
    return job;
  });
}

/** Streams `pai_task_table.csv` (gzip when the name ends in `.gz`). */
export async function* readPaiTasks(path: string, summary: ReadSummary): AsyncGenerator<PaiTask> {
  yield* readHeaderlessCsvRecords(path, PAI_TASK_COLUMNS, summary, (row) => {
    const task: PaiTask = {
      jobName: required(row, 'job_name'),
      taskName: row.string('task_name'),
      instances: row.number('inst_num', { min: 0, integer: true }),
      status: status(row),
      cpusPerInstance: percent(row, 'plan_cpu'),
      memoryGBPerInstance: row.string('plan_mem') === '' ? 0 : row.number('plan_mem', { min: 0 }),
      gpusPerInstance: percent(row, 'plan_gpu'),
      gpuType: row.string('gpu_type'),
    };
    const startS = optionalSeconds(row, 'start_time');
    const endS = optionalSeconds(row, 'end_time');
    if (startS !== undefined && endS !== undefined && endS < startS) throw new FieldError('end_time', row.string('end_time'), `a time not before start_time ${row.string('start_time')}`);
    if (startS !== undefined) task.startS = startS;
    if (endS !== undefined) task.endS = endS;
    return task;
  });
}

/** Streams `pai_group_tag_table.csv` (gzip when the name ends in `.gz`). */
export async function* readPaiGroupTags(path: string, summary: ReadSummary): AsyncGenerator<PaiGroupTag> {
  yield* readHeaderlessCsvRecords(path, PAI_GROUP_TAG_COLUMNS, summary, (row) => ({
    instId: required(row, 'inst_id'),
    user: row.string('user'),
    gpuTypeSpec: row.string('gpu_type_spec'),
    group: row.string('group'),
    workload: row.string('workload'),
  }));
}
