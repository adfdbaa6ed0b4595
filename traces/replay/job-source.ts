import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badInput } from '../../core/errors.js';
import { importJobTrace, JOB_TRACE_FORMATS } from '../mapping/import-job-trace.js';
import { importPaiV2020 } from '../mapping/import-pai-v2020.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { ReadSummary, type MalformedRowPolicy } from '../read/read-summary.js';
import type { WorkloadArrival } from '../weft/records.js';
import { readWeftTrace } from '../weft/trace-reader.js';

/** Job-trace formats `weft replay` runs through the job replay. */
export const REPLAY_JOB_FORMATS = [...JOB_TRACE_FORMATS, 'alibaba-v2020', 'weft'] as const;
export type ReplayJobFormat = (typeof REPLAY_JOB_FORMATS)[number];

/** A job trace in memory, in arrival order. */
export interface LoadedJobTrace {
  readonly name: string;
  /** The source format (a Weft trace's header says which). */
  readonly source: string;
  readonly arrivals: readonly WorkloadArrival[];
  /** How the source read went (`ReadSummary.describe()`). */
  readonly readSummary: string;
  /** Malformed rows skipped under policy `skip`. */
  readonly malformedRows: number;
}

/**
 * Reads a job trace of any replayable format: public formats go through their import into a
 * Weft trace (so mapping, origin and status are those of `importJobTrace` / `importPaiV2020`),
 * then every workload is read back and sorted by arrival (stable, so equal times keep the
 * source's order). `alibaba-v2020` takes the directory of the PAI tables.
 */
export async function loadJobTrace(format: ReplayJobFormat, path: string, options: { policy?: MalformedRowPolicy; mapper?: ModelClassMapper } = {}): Promise<LoadedJobTrace> {
  const policy = options.policy ?? 'error';
  if (format === 'weft') return readArrivals(path, path, policy, undefined);
  const dir = mkdtempSync(join(tmpdir(), 'weft-replay-'));
  const converted = join(dir, 'trace.weft');
  try {
    const importOptions = { policy, name: path, ...(options.mapper === undefined ? {} : { mapper: options.mapper }) };
    const result = format === 'alibaba-v2020' ? await importPaiV2020(path, converted, importOptions) : await importJobTrace(format, path, converted, importOptions);
    const summary = 'summary' in result ? result.summary : result.jobs;
    return await readArrivals(converted, path, policy, summary);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readArrivals(file: string, name: string, policy: MalformedRowPolicy, sourceSummary: ReadSummary | undefined): Promise<LoadedJobTrace> {
  const summary = new ReadSummary(file, policy);
  const arrivals: WorkloadArrival[] = [];
  let source = 'weft';
  for await (const record of readWeftTrace(file, summary)) {
    if (record.kind === 'header') source = record.header.source;
    else if (record.kind === 'workload') arrivals.push(record.workload);
  }
  if (arrivals.length === 0) throw badInput('the trace has no jobs', { file: name, expected: 'at least one workload record' });
  const order = arrivals.map((a, i) => ({ a, i })).sort((x, y) => x.a.arrivalNs - y.a.arrivalNs || x.i - y.i);
  const read = sourceSummary ?? summary;
  return { name, source, arrivals: order.map((o) => o.a), readSummary: read.describe().replace(file, name), malformedRows: read.skipped };
}
