import { readAcmeJobs } from '../formats/acme.js';
import { readSpotGpuJobs } from '../formats/alibaba-v2026-jobs.js';
import { readHeliosJobs } from '../formats/helios.js';
import { readPhillyJobs } from '../formats/philly.js';
import { readPolluxWorkload } from '../formats/pollux.js';
import { FieldError, ReadSummary, type MalformedRowPolicy } from '../read/read-summary.js';
import type { WorkloadArrival } from '../weft/records.js';
import { TraceWriter } from '../weft/trace-writer.js';
import { ModelClassMapper } from './model-class-rules.js';
import { acmeArrival, heliosArrival, phillyArrival, polluxArrival, spotGpuArrival } from './to-arrivals.js';

/** Public job-trace formats that convert to a Weft trace. */
export const JOB_TRACE_FORMATS = ['philly', 'helios', 'acme', 'pollux', 'alibaba-v2026-spot'] as const;

/** One of JOB_TRACE_FORMATS. */
export type JobTraceFormat = (typeof JOB_TRACE_FORMATS)[number];

/** Citation and licence written into the trace header. */
export const ATTRIBUTION: Record<JobTraceFormat, string> = {
  philly: 'Microsoft Philly traces (msr-fiddle/philly-traces), Jeon et al., USENIX ATC 2019',
  helios: 'SenseTime Helios traces (S-Lab-System-Group/HeliosData), Hu et al., SC 2021',
  acme: 'Shanghai AI Lab Acme traces (InternLM/AcmeTrace), Hu et al., NSDI 2024',
  pollux: 'Pollux workloads (msr-fiddle/blox workload_pollux, MIT), Qiao et al., OSDI 2021',
  'alibaba-v2026-spot': 'Alibaba cluster-trace-v2026-spot-gpu (alibaba/clusterdata), Duan et al., ASPLOS 2026',
};

/** Streams the rows of `path` as arrivals, given the origin (unused by Pollux and spot-GPU, whose times are relative). */
async function* arrivals(
  format: JobTraceFormat,
  path: string,
  summary: ReadSummary,
  originEpochS: number,
  mapper: ModelClassMapper,
): AsyncGenerator<{ submitEpochS: number; arrival: () => WorkloadArrival }> {
  switch (format) {
    case 'philly':
      for await (const j of readPhillyJobs(path, summary)) yield { submitEpochS: j.submitEpochS, arrival: () => phillyArrival(j, originEpochS, mapper) };
      return;
    case 'helios':
      for await (const j of readHeliosJobs(path, summary)) yield { submitEpochS: j.submitEpochS, arrival: () => heliosArrival(j, originEpochS, mapper) };
      return;
    case 'acme':
      for await (const j of readAcmeJobs(path, summary)) yield { submitEpochS: j.submitEpochS, arrival: () => acmeArrival(j, originEpochS, mapper) };
      return;
    case 'pollux':
      for await (const j of readPolluxWorkload(path, summary)) yield { submitEpochS: 0, arrival: () => polluxArrival(j, mapper) };
      return;
    case 'alibaba-v2026-spot':
      for await (const j of readSpotGpuJobs(path, summary)) yield { submitEpochS: 0, arrival: () => spotGpuArrival(j, mapper) };
      return;
  }
}

/** What an import did. */
export interface ImportResult {
  /** The read of the source (rows, accepted, skipped with reasons). */
  summary: ReadSummary;
  /** Workload arrivals written. */
  written: number;
  /** The earliest submission (t = 0 of the trace), s since the epoch; undefined for traces with relative times (Pollux, spot-GPU). */
  originEpochS?: number;
}

/**
 * Converts a public job trace into a Weft trace file, streaming: a first pass finds the
 * earliest submission (the trace origin, t = 0), a second converts and writes each job with its
 * model class. Arrivals keep the source's row order. A malformed row is an error or, under
 * policy `skip`, is skipped and counted in the returned summary. On any error the output file
 * is not created.
 */
export async function importJobTrace(
  format: JobTraceFormat,
  input: string,
  output: string,
  options: { policy?: MalformedRowPolicy; mapper?: ModelClassMapper; name?: string } = {},
): Promise<ImportResult> {
  const policy = options.policy ?? 'error';
  const mapper = options.mapper ?? new ModelClassMapper();
  let origin: number | undefined;
  if (format !== 'pollux' && format !== 'alibaba-v2026-spot') {
    for await (const row of arrivals(format, input, new ReadSummary(input, policy), 0, mapper)) origin = Math.min(origin ?? Infinity, row.submitEpochS);
  }
  const summary = new ReadSummary(input, policy);
  const writer = await TraceWriter.open(output, {
    name: options.name ?? input,
    source: format,
    attribution: ATTRIBUTION[format],
    ...(origin === undefined ? {} : { originEpochS: origin }),
  });
  let written = 0;
  try {
    for await (const row of arrivals(format, input, summary, origin ?? 0, mapper)) {
      let arrival: WorkloadArrival;
      try {
        arrival = row.arrival();
      } catch (error) {
        // Rows were validated by the reader; a conversion failure is a bug, never a silent drop.
        if (error instanceof FieldError) throw new Error(`converting a ${format} row of ${input}: ${error.message}`, { cause: error });
        throw error;
      }
      await writer.write({ kind: 'workload', workload: arrival });
      written++;
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
  return { summary, written, ...(origin === undefined ? {} : { originEpochS: origin }) };
}
