import { readCsvRecords } from '../read/csv-records.js';
import type { ReadSummary } from '../read/read-summary.js';

/**
 * One job of a Pollux workload (OSDI'21 artifact; msr-fiddle/blox `workload_pollux/`, MIT):
 * `name,time,application,num_replicas,batch_size`. The rows carry no duration: the replay maps
 * each application to an amount of work.
 */
export interface PolluxJob {
  name: string;
  /** Submission time relative to the start of the workload, ns. */
  submitNs: number;
  application: string;
  replicas: number;
  batchSize: number;
}

export async function* readPolluxWorkload(path: string, summary: ReadSummary): AsyncGenerator<PolluxJob> {
  yield* readCsvRecords(path, ['name', 'time', 'application', 'num_replicas', 'batch_size'], summary, (row) => ({
    name: row.string('name'),
    submitNs: row.number('time', { min: 0 }) * 1e9,
    application: row.string('application'),
    replicas: row.number('num_replicas', { integer: true, min: 1 }),
    batchSize: row.number('batch_size', { integer: true, min: 1 }),
  }));
}
