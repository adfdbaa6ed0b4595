import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badInput } from '../../core/errors.js';
import { importJobTrace, JOB_TRACE_FORMATS } from '../mapping/import-job-trace.js';
import { importPaiV2020 } from '../mapping/import-pai-v2020.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { ReadSummary, type MalformedRowPolicy } from '../read/read-summary.js';
import { loadProfile, type LoadProfile } from '../../scheduler/planner/index.js';
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
  /**
   * Request streams the trace carries (Weft traces: `request` records by stream id), as a mean
   * rate over the stream's span and its prompt and output lengths: the load of the inference
   * workloads that name them (`InferenceSpec.requestStream`). Absent when there are none.
   */
  readonly requestStreams?: Readonly<Record<string, LoadProfile>>;
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
  const streams = new Map<string, { firstNs: number; lastNs: number; lengths: { promptTokens: number; outputTokens: number }[] }>();
  let source = 'weft';
  for await (const record of readWeftTrace(file, summary)) {
    if (record.kind === 'header') source = record.header.source;
    else if (record.kind === 'workload') arrivals.push(record.workload);
    else if (record.kind === 'request') {
      const r = record.request;
      let s = streams.get(r.stream);
      if (s === undefined) streams.set(r.stream, (s = { firstNs: r.arrivalNs, lastNs: r.arrivalNs, lengths: [] }));
      s.firstNs = Math.min(s.firstNs, r.arrivalNs);
      s.lastNs = Math.max(s.lastNs, r.arrivalNs);
      // A 0-token output is served as one token, as the serving simulation does.
      s.lengths.push({ promptTokens: Math.max(1, r.promptTokens), outputTokens: Math.max(1, r.outputTokens) });
    }
  }
  const requestStreams: Record<string, LoadProfile> = {};
  for (const [id, s] of [...streams].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const spanNs = s.lastNs - s.firstNs;
    if (s.lengths.length < 2 || !(spanNs > 0)) throw badInput('a request stream too short to give a rate', { file: name, field: `stream ${id}`, value: `${s.lengths.length} requests over ${spanNs} ns`, expected: 'at least 2 requests over a positive time span' });
    requestStreams[id] = loadProfile(((s.lengths.length - 1) / spanNs) * 1e9, s.lengths);
  }
  if (arrivals.length === 0) throw badInput('the trace has no jobs', { file: name, expected: 'at least one workload record' });
  const order = arrivals.map((a, i) => ({ a, i })).sort((x, y) => x.a.arrivalNs - y.a.arrivalNs || x.i - y.i);
  const read = sourceSummary ?? summary;
  return {
    name, source, arrivals: order.map((o) => o.a), readSummary: read.describe().replace(file, name), malformedRows: read.skipped,
    ...(streams.size === 0 ? {} : { requestStreams }),
  };
}
