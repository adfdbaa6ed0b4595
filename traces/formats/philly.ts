import { parseOptionalEpochSeconds, parseEpochSeconds } from '../read/datetime.js';
import { readJsonArrayElements } from '../read/json-array.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/** How a Philly job ended. */
export const PHILLY_STATUSES = ['Pass', 'Killed', 'Failed'] as const;

/** One of PHILLY_STATUSES. */
export type PhillyStatus = (typeof PHILLY_STATUSES)[number];

/** One scheduling attempt of a Philly job. */
export interface PhillyAttempt {
  /** Whole seconds since the epoch (the trace gives no zone: read as UTC); undefined when not logged. */
  startEpochS?: number;
  endEpochS?: number;
  /** GPUs of the attempt, over all its machines. */
  gpus: number;
  /** Machine ids (`ip`) the attempt ran on. */
  machines: string[];
}

/** One job of Philly's `cluster_job_log`. */
export interface PhillyJob {
  jobId: string;
  /** Hashed user id. */
  user: string;
  /** Hashed virtual cluster id. */
  vc: string;
  status: PhillyStatus;
  submitEpochS: number;
  /** May be empty: the README notes jobs with no recorded attempt. */
  attempts: PhillyAttempt[];
  /** GPUs the job ran with: the most any attempt used (0 when no attempt records machines). */
  gpus: number;
  /** Sum of the attempts' run times (end - start) where both are logged, s. */
  runS: number;
  /** True when the last attempt has no end time: the job was running when the log was taken. */
  running: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an error shows it (JSON, or `undefined` for a missing key). */
function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value).slice(0, 80);
}

function text(value: unknown, field: string, expected = 'a string'): string {
  if (typeof value !== 'string') throw new FieldError(field, show(value), expected);
  return value;
}

/** A time field that may be null, missing or "None" (the README: attempts may lack times). */
function optionalTime(value: unknown, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  return parseOptionalEpochSeconds(text(value, field, 'a date-time or null'), field);
}

function parseAttempt(value: unknown, i: number): PhillyAttempt {
  const at = `attempts[${i}]`;
  if (!isRecord(value)) throw new FieldError(at, show(value), 'an object with start_time, end_time, detail');
  const startEpochS = optionalTime(value.start_time, `${at}.start_time`);
  const endEpochS = optionalTime(value.end_time, `${at}.end_time`);
  if (startEpochS !== undefined && endEpochS !== undefined && endEpochS < startEpochS) {
    throw new FieldError(`${at}.end_time`, text(value.end_time, `${at}.end_time`), `a time not before start_time ${String(value.start_time)}`);
  }
  const detail = value.detail ?? [];
  if (!Array.isArray(detail)) throw new FieldError(`${at}.detail`, show(detail), 'a list of {ip, gpus}');
  let gpus = 0;
  const machines: string[] = [];
  detail.forEach((d: unknown, j) => {
    const dt = `${at}.detail[${j}]`;
    if (!isRecord(d) || !Array.isArray(d.gpus)) throw new FieldError(dt, show(d), 'an object {ip, gpus: [...]}');
    machines.push(text(d.ip, `${dt}.ip`));
    gpus += d.gpus.length;
  });
  const attempt: PhillyAttempt = { gpus, machines };
  if (startEpochS !== undefined) attempt.startEpochS = startEpochS;
  if (endEpochS !== undefined) attempt.endEpochS = endEpochS;
  return attempt;
}

/** Parses one `cluster_job_log` entry. @throws FieldError naming the field. */
export function parsePhillyJob(value: unknown): PhillyJob {
  if (!isRecord(value)) throw new FieldError('(job)', show(value), 'a JSON object');
  const status = text(value.status, 'status');
  const known = PHILLY_STATUSES.find((s) => s === status);
  if (known === undefined) throw new FieldError('status', status, `one of ${PHILLY_STATUSES.join(', ')}`);
  const jobId = text(value.jobid, 'jobid');
  if (jobId === '') throw new FieldError('jobid', jobId, 'a non-empty job id');
  const submitEpochS = parseEpochSeconds(text(value.submitted_time, 'submitted_time', 'a date-time'), 'submitted_time');
  const rawAttempts = value.attempts ?? [];
  if (!Array.isArray(rawAttempts)) throw new FieldError('attempts', show(rawAttempts), 'a list of attempts');
  const attempts = rawAttempts.map((a: unknown, i) => parseAttempt(a, i));
  const last = attempts[attempts.length - 1];
  return {
    jobId,
    user: text(value.user, 'user'),
    vc: text(value.vc, 'vc'),
    status: known,
    submitEpochS,
    attempts,
    gpus: attempts.reduce((m, a) => Math.max(m, a.gpus), 0),
    runS: attempts.reduce((s, a) => s + (a.startEpochS !== undefined && a.endEpochS !== undefined ? a.endEpochS - a.startEpochS : 0), 0),
    running: last !== undefined && last.startEpochS !== undefined && last.endEpochS === undefined,
  };
}

/**
 * Streams the jobs of Microsoft Philly's `cluster_job_log` (one JSON array of job objects; gzip
 * when the name ends in `.gz`) one job at a time.
 * Source: msr-fiddle/philly-traces README ("Schema", `cluster_job_log`), ATC'19 "Analysis of
 * Large-Scale Multi-Tenant GPU Clusters for DNN Training Workloads": keys `status` (Pass, Killed,
 * Failed), `vc`, `jobid`, `attempts` (each `start_time`, `end_time`, `detail`: list of `ip`,
 * `gpus`), `submitted_time`, `user`; times `YYYY-MM-DD HH:MM:SS`, possibly missing in an attempt.
 * A malformed job is reported with the line its object starts on.
 */
export async function* readPhillyJobs(path: string, summary: ReadSummary): AsyncGenerator<PhillyJob> {
  for await (const element of readJsonArrayElements(path)) {
    summary.rows++;
    let job: PhillyJob;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(element.text);
      } catch {
        throw new FieldError('(job)', element.text.slice(0, 80), 'one JSON object');
      }
      job = parsePhillyJob(parsed);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      summary.reject({ line: element.line, field: error.field, value: error.value, expected: error.expected });
      continue;
    }
    summary.accepted++;
    yield job;
  }
}
